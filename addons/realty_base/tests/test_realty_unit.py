import json

from psycopg2 import IntegrityError

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import RealtyCase


class UnitAsManagerMixin:
    """Units are created and priced by sales managers: these tests act as one."""

    def _new_unit(self, floor, position, **values):
        return (
            self.env["realty.unit"]
            .with_user(self.manager)
            .create(
                {
                    "building_id": self.building.id,
                    "floor": floor,
                    "position": position,
                    "layout_id": self.layout_2br.id,
                    "gross_area": 100.0,
                    "inner_area": 80.0,
                    "unit_price": 20000.0,
                    **values,
                }
            )
        )

    def _units(self):
        return self.env["realty.unit"].search([("building_id", "=", self.building.id)])


@tagged("post_install", "-at_install")
class TestRealtyUnit(UnitAsManagerMixin, RealtyCase):
    def test_display_name_is_building_floor_position(self):
        unit = self._new_unit(12, 3)
        self.assertEqual(unit.name, "1-1203")
        self.assertEqual(unit.display_name, "1-1203")
        self.assertEqual(unit.project_id, self.project)
        self.assertEqual(unit.company_id, self.company)

    def test_duplicate_position_refused_by_database(self):
        self._new_unit(5, 1)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self._new_unit(5, 1)

    def test_shared_area_and_rate(self):
        unit = self._new_unit(2, 1, gross_area=125.0, inner_area=100.0)
        self.assertAlmostEqual(unit.shared_area, 25.0)
        self.assertAlmostEqual(unit.shared_rate, 0.2)

    def test_total_price_follows_unit_price_and_area(self):
        unit = self._new_unit(3, 1, gross_area=100.0, inner_area=80.0, unit_price=20000.0)
        self.assertEqual(unit.total_price, 2_000_000.0)
        unit.unit_price = 21000.0
        self.assertEqual(unit.total_price, 2_100_000.0)
        unit.gross_area = 110.0
        self.assertEqual(unit.total_price, 2_310_000.0)

    def test_editing_total_price_adjusts_unit_price(self):
        unit = self._new_unit(4, 1, gross_area=100.0, inner_area=80.0, unit_price=20000.0)
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
                    self._new_unit(6, 1, **values)
        self.assertFalse(self._units())

    def test_unit_price_above_a_million_per_square_metre_refused(self):
        """A typo of a few digits (999,999,999,999,999) never becomes a list price, however it is typed."""
        unit = self._new_unit(7, 1)
        self._new_unit(7, 2, unit_price=1_000_000.0)  # the most expensive flats in China stay below it
        for field, value in (("unit_price", 999_999_999_999_999.0), ("total_price", 999_999_999_999_999.0)):
            with self.subTest(field=field), mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
                with self.env.cr.savepoint():
                    unit.write({field: value})
                    unit.flush_recordset()
        unit.invalidate_recordset()
        self.assertEqual((unit.unit_price, unit.total_price), (20000.0, 2_000_000.0))
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self._new_unit(7, 3, unit_price=1_000_001.0)
        self.assertEqual(len(self._units()), 2)

    def test_database_checks_areas_and_prices(self):
        """The checks hold for code that skips the ORM too."""
        unit = self._new_unit(8, 1)
        for column, value in (("inner_area", 500.0), ("gross_area", -1.0), ("unit_price", -5.0)):
            with self.subTest(column=column), mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
                with self.env.cr.savepoint():
                    self.env.cr.execute(f"UPDATE realty_unit SET {column} = %s WHERE id = %s", (value, unit.id))

    def test_floor_zero_refused_by_database(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self._new_unit(0, 1)

    def test_layout_room_summary(self):
        self.layout_3br.with_user(self.admin).write({"living_rooms": 2, "bathrooms": 2})
        self.assertEqual(self.layout_3br.room_summary, "3 bed 2 living 2 bath")


@tagged("post_install", "-at_install")
class TestRealtyUnitOverRpc(UnitAsManagerMixin, HttpCase, RealtyCase):
    """What a sales manager working in Chinese reads when the database refuses a unit the web client saves."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["realty_base"], ["zh_CN"])
        cls.manager.lang = "zh_CN"

    def _save_as_manager(self, values):
        """Save a new unit the way the form view does (web_save over JSON-RPC); return the error message."""
        self.authenticate("realty_manager", "realty_manager")
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "model": "realty.unit",
                "method": "web_save",
                "args": [[], {"building_id": self.building.id, "layout_id": self.layout_2br.id} | values],
                "kwargs": {"specification": {"name": {}}},
            },
        }
        with mute_logger("odoo.sql_db", "odoo.http"):
            response = self.url_open(
                "/web/dataset/call_kw/realty.unit/web_save",
                data=json.dumps(payload),
                headers={"Content-Type": "application/json"},
            )
        body = response.json()
        self.assertIn("error", body, f"the server accepted {values}")
        return body["error"]["data"]["message"]

    def test_refused_unit_gets_the_constraint_message_in_chinese(self):
        unit = {"floor": 3, "position": 1, "gross_area": 100.0, "inner_area": 80.0, "unit_price": 20000.0}
        cases = [
            ({"inner_area": 120.0}, "面积必须大于 0，且套内面积不能大于建筑面积。"),
            ({"floor": 0}, "楼层不能为 0，户位必须大于 0。"),
            ({"unit_price": -1.0}, "价格不能为负数。"),
        ]
        for values, chinese in cases:
            with self.subTest(values=values):
                self.assertIn(chinese, self._save_as_manager(unit | values))
        self.assertFalse(self._units())

    def test_second_unit_on_the_same_position_is_refused_by_name(self):
        self._new_unit(3, 1)
        message = self._save_as_manager({"floor": 3, "position": 1, "gross_area": 90.0, "inner_area": 70.0})
        self.assertIn("同一楼栋内，同一楼层的同一户位不能有两套房源。", message)
        self.assertEqual(len(self._units()), 1)
