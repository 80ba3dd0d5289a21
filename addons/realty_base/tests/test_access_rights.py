from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import RealtyCase


@tagged("post_install", "-at_install")
class TestAccessRights(RealtyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit = cls._create_unit(9, 1)
        cls.unit.action_release()

    def test_salesperson_reads_units_but_cannot_change_prices(self):
        unit = self.unit.with_user(self.salesperson)
        self.assertEqual(unit.total_price, 2_000_000.0)
        self.assertIn(unit, unit.search([("project_id", "=", self.project.id)]))
        with self.assertRaises(AccessError):
            unit.unit_price = 1.0
        with self.assertRaises(AccessError):
            unit.total_price = 1.0

    def test_salesperson_cannot_hold_or_create(self):
        with self.assertRaises(AccessError):
            self.unit.with_user(self.salesperson).action_hold()
        self.assertEqual(self.unit.state, "available")
        with self.assertRaises(AccessError):
            self.env["realty.unit"].with_user(self.salesperson).create(
                {"building_id": self.building.id, "floor": 11, "position": 1, "gross_area": 90, "inner_area": 70}
            )
        with self.assertRaises(AccessError):
            self.env["realty.building"].with_user(self.salesperson).create(
                {"project_id": self.project.id, "name": "X", "code": "X"}
            )

    def test_manager_holds_and_prices(self):
        unit = self.unit.with_user(self.manager)
        unit.action_hold()
        self.assertEqual(self.unit.state, "held")
        unit.unit_price = 21000.0
        self.assertEqual(self.unit.total_price, 2_100_000.0)

    def test_manager_generates_units(self):
        wizard = (
            self.env["realty.unit.generator"]
            .with_user(self.manager)
            .create({"building_id": self.building.id, "floor_from": 1, "floor_to": 2, "base_unit_price": 15000.0})
        )
        wizard.action_generate()
        self.assertEqual(self.building.unit_count, 5)

    def test_executive_and_finance_read_everything_but_write_nothing(self):
        for user in (self.executive, self.finance):
            with self.subTest(user=user.login):
                unit = self.unit.with_user(user)
                self.assertEqual(unit.state, "available")
                self.assertEqual(self.project.with_user(user).unit_count, 1)
                with self.assertRaises(AccessError):
                    unit.unit_price = 1.0
                with self.assertRaises(AccessError):
                    unit.action_hold()
                with self.assertRaises(AccessError):
                    self.project.with_user(user).name = "Renamed"
                with self.assertRaises(AccessError):
                    self.layout_2br.with_user(user).gross_area = 1.0

    def test_only_administrator_configures_projects(self):
        with self.assertRaises(AccessError):
            self.project.with_user(self.manager).name = "Renamed"
        self.project.with_user(self.admin).name = "Renamed"
        project = self.env["realty.project"].with_user(self.admin).create({"name": "New Town"})
        self.assertEqual(project.company_id, self.company)
        self.assertTrue(self.admin.has_group("realty_base.group_realty_executive"))
        self.assertTrue(self.admin.has_group("realty_base.group_realty_finance"))

    def test_other_company_sees_nothing(self):
        user = self.user_company_b
        for model in ("realty.project", "realty.building", "realty.layout", "realty.unit"):
            with self.subTest(model=model):
                self.assertFalse(self.env[model].with_user(user).search([]))
        with self.assertRaises(AccessError):
            self.unit.with_user(user).read(["name"])
        with self.assertRaises(AccessError):
            self.unit.with_user(user).action_hold()

    def test_user_without_realty_role_has_no_access(self):
        employee = new_test_user(self.env, login="plain_employee", groups="base.group_user")
        with self.assertRaises(AccessError):
            self.env["realty.unit"].with_user(employee).search([])
