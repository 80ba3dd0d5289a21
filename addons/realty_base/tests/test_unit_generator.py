from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import RealtyCase


@tagged("post_install", "-at_install")
class TestUnitGenerator(RealtyCase):
    """Generating units is a sales manager's job: every test acts as one."""

    def setUp(self):
        super().setUp()
        self.env = self.env(user=self.manager)

    def _units(self):
        return self.env["realty.unit"].search([("building_id", "=", self.building.id)])

    def test_positions_default_from_building_and_layouts(self):
        wizard = self.env["realty.unit.generator"].create({"building_id": self.building.id})
        self.assertEqual(wizard.floor_to, 18)
        self.assertEqual(wizard.line_ids.mapped("position"), [1, 2])
        self.assertEqual(wizard.line_ids.layout_id, self.layout_2br | self.layout_3br)
        self.assertEqual(wizard.line_ids[0].gross_area, 89.0)
        self.assertEqual(wizard.line_ids[1].orientation, "south_north")
        self.assertEqual(wizard.unit_count, 36)

    def test_generates_floors_times_positions_with_floor_price_step(self):
        self._generate(floor_from=1, floor_to=5, base_unit_price=20000.0, floor_price_step=100.0, release=True)
        units = self._units()
        self.assertEqual(len(units), 10)
        self.assertEqual(set(units.mapped("state")), {"available"})
        unit_501 = units.filtered(lambda unit: unit.name == "1-501")
        self.assertEqual(unit_501.unit_price, 20400.0)
        self.assertEqual(unit_501.layout_id, self.layout_2br)
        self.assertEqual(unit_501.total_price, 20400.0 * 89.0)
        self.assertEqual(units.filtered(lambda unit: unit.name == "1-102").unit_price, 20000.0)

    def test_position_price_adjustment(self):
        wizard = self.env["realty.unit.generator"].create(
            {"building_id": self.building.id, "floor_from": 2, "floor_to": 2, "base_unit_price": 18000.0}
        )
        wizard.line_ids[0].price_adjustment = -500.0
        wizard.action_generate()
        self.assertEqual(sorted(self._units().mapped("unit_price")), [17500.0, 18000.0])

    def test_skipped_floors(self):
        self._generate(floor_from=1, floor_to=15, skipped_floors="4，13, 14")
        floors = set(self._units().mapped("floor"))
        self.assertEqual(floors, set(range(1, 16)) - {4, 13, 14})

    def test_duplicates_refused_and_nothing_created(self):
        self._generate(floor_from=1, floor_to=3)
        with self.assertRaisesRegex(UserError, "already exist.*1-301"):
            self._generate(floor_from=3, floor_to=5)
        self.assertEqual(len(self._units()), 6)

    def test_building_floor_count_grows(self):
        self.building.floor_count = 0
        self._generate(floor_from=1, floor_to=7)
        self.assertEqual(self.building.floor_count, 7)

    def test_bad_input_refused(self):
        cases = [
            ({"floor_from": 5, "floor_to": 2}, "first floor must not be above"),
            ({"skipped_floors": "4, thirteen"}, "whole numbers"),
            ({"floor_from": 1, "floor_to": 1, "skipped_floors": "1"}, "no floor left"),
            ({"line_ids": [Command.clear()]}, "at least one position"),
            ({"base_unit_price": -30000.0}, "negative unit price"),
        ]
        for values, message in cases:
            with self.subTest(message=message), self.assertRaisesRegex(UserError, message):
                self._generate(**values)
        self.assertFalse(self._units())

    def test_floors_positions_and_run_size_have_limits(self):
        """100,000 floors used to announce 199,998 units and start creating them."""
        cases = [
            ({"floor_to": 100_000}, r"Floor 100000 is out of range: floors go from -10 to 200\."),
            ({"floor_from": -11}, r"Floor -11 is out of range: floors go from -10 to 200\."),
            ({"floor_from": 0}, r"There is no floor 0"),
            ({"floor_to": 0}, r"There is no floor 0"),
            (
                {"line_ids": [Command.create({"position": 51, "layout_id": self.layout_2br.id})]},
                r"Position 51 is out of range: positions go from 1 to 50\.",
            ),
            (
                {"line_ids": [Command.create({"position": 0, "layout_id": self.layout_2br.id})]},
                r"Position 0 is out of range",
            ),
            (
                {
                    "floor_from": -10,
                    "floor_to": 200,
                    "line_ids": [
                        Command.create({"position": p, "layout_id": self.layout_2br.id}) for p in range(1, 16)
                    ],
                },
                r"These settings give 3150 units, more than the 3000 that can be generated at once",
            ),
        ]
        for values, message in cases:
            with self.subTest(values=values):
                wizard = self.env["realty.unit.generator"].create(
                    {"building_id": self.building.id, "floor_from": 1, "floor_to": 3, "base_unit_price": 20000.0}
                    | values
                )
                self.assertRegex(wizard.input_warning, message, "the wizard warns before Generate is pressed")
                self.assertEqual(wizard.unit_count, 0)
                with self.assertRaisesRegex(UserError, message):
                    wizard.action_generate()
        self.assertFalse(self._units())

    def test_largest_allowed_run_is_accepted(self):
        """Basements to the top floor: -10…200 without 0 on 14 positions is 2,940 units, under the cap."""
        lines = [Command.create({"position": p, "layout_id": self.layout_2br.id}) for p in range(1, 15)]
        wizard = self.env["realty.unit.generator"].create(
            {"building_id": self.building.id, "floor_from": -10, "floor_to": 200, "line_ids": lines}
        )
        self.assertFalse(wizard.input_warning)
        self.assertEqual(wizard.unit_count, 2940)

    def test_bad_line_area_refused(self):
        wizard = self.env["realty.unit.generator"].create({"building_id": self.building.id})
        wizard.line_ids[0].inner_area = 200.0
        with self.assertRaisesRegex(UserError, "Position 1: areas"):
            wizard.action_generate()
        self.assertFalse(self._units())

    def test_one_batch_whatever_the_size(self):
        """Generating 40 floors costs about as many queries as generating 2: no query per unit."""
        big = (
            self.env["realty.building"]
            .with_user(self.admin)
            .create({"project_id": self.project.id, "name": "Tower", "code": "T", "position_count": 8})
        )
        self.env.flush_all()
        start = self.env.cr.sql_log_count
        self._generate(floor_from=1, floor_to=2)
        self.env.flush_all()
        small_queries = self.env.cr.sql_log_count - start
        start = self.env.cr.sql_log_count
        self._generate(building=big, floor_from=1, floor_to=40)
        self.env.flush_all()
        big_queries = self.env.cr.sql_log_count - start
        self.assertEqual(self.env["realty.unit"].search_count([("building_id", "=", big.id)]), 320)
        self.assertLess(big_queries, small_queries + 20, f"{big_queries} queries for 320 units")
