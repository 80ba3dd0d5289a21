from psycopg2 import IntegrityError

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import RealtyCase


@tagged("post_install", "-at_install")
class TestRealtyUnit(RealtyCase):
    def test_display_name_is_building_floor_position(self):
        unit = self._create_unit(12, 3)
        self.assertEqual(unit.name, "1-1203")
        self.assertEqual(unit.display_name, "1-1203")
        self.assertEqual(unit.project_id, self.project)
        self.assertEqual(unit.company_id, self.company)

    def test_duplicate_position_refused_by_database(self):
        self._create_unit(5, 1)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self._create_unit(5, 1)

    def test_unique_constraint_exists_in_postgres(self):
        self.env.cr.execute(
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'realty_unit_position_uniq'"
        )
        self.assertEqual(self.env.cr.fetchone()[0], 'UNIQUE (building_id, floor, "position")')

    def test_shared_area_and_rate(self):
        unit = self._create_unit(2, 1, gross_area=125.0, inner_area=100.0)
        self.assertAlmostEqual(unit.shared_area, 25.0)
        self.assertAlmostEqual(unit.shared_rate, 0.2)

    def test_total_price_follows_unit_price_and_area(self):
        unit = self._create_unit(3, 1, gross_area=100.0, inner_area=80.0, unit_price=20000.0)
        self.assertEqual(unit.total_price, 2_000_000.0)
        unit.unit_price = 21000.0
        self.assertEqual(unit.total_price, 2_100_000.0)
        unit.gross_area = 110.0
        self.assertEqual(unit.total_price, 2_310_000.0)

    def test_editing_total_price_adjusts_unit_price(self):
        unit = self._create_unit(4, 1, gross_area=100.0, inner_area=80.0, unit_price=20000.0)
        unit.total_price = 2_250_000.0
        self.assertEqual(unit.unit_price, 22500.0)
        self.assertEqual(unit.total_price, 2_250_000.0)

    def test_bad_areas_and_prices_refused_by_database(self):
        cases = [
            {"gross_area": 80.0, "inner_area": 90.0},
            {"gross_area": 0.0, "inner_area": 0.0},
            {"unit_price": -1.0},
        ]
        for values in cases:
            with self.subTest(**values), mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
                with self.env.cr.savepoint():
                    self._create_unit(6, 1, **values)
        self.assertFalse(self.env["realty.unit"].search([("building_id", "=", self.building.id)]))

    def test_constraint_messages_reach_the_user(self):
        """The RPC layer turns a violated constraint into this (translated) message."""
        constraint = self.env["ir.model.constraint"].search([("name", "=", "realty_unit_areas_valid")])
        self.assertEqual(constraint.message, "Areas must be positive and the inner area cannot exceed the gross area.")

    def test_database_checks_areas_and_prices(self):
        unit = self._create_unit(8, 1)
        for column, value in (("inner_area", 500.0), ("gross_area", -1.0), ("unit_price", -5.0)):
            with self.subTest(column=column), mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
                with self.env.cr.savepoint():
                    self.env.cr.execute(f"UPDATE realty_unit SET {column} = %s WHERE id = %s", (value, unit.id))

    def test_floor_zero_refused_by_database(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self._create_unit(0, 1)

    def test_layout_room_summary(self):
        self.layout_3br.write({"living_rooms": 2, "bathrooms": 2})
        self.assertEqual(self.layout_3br.room_summary, "3 bed 2 living 2 bath")
