from datetime import datetime, timedelta

from odoo import Command
from odoo.tests import TransactionCase, new_test_user


class RealtyCase(TransactionCase):
    """A project with two layouts and an empty building, and one user per role. Later addons extend it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Other Developer Ltd."})
        cls.salesperson = cls._create_realty_user("realty_sales", "realty_base.group_realty_salesperson")
        cls.manager = cls._create_realty_user("realty_manager", "realty_base.group_realty_manager")
        cls.finance = cls._create_realty_user("realty_finance", "realty_base.group_realty_finance")
        cls.executive = cls._create_realty_user("realty_exec", "realty_base.group_realty_executive")
        cls.admin = cls._create_realty_user("realty_admin", "realty_base.group_realty_admin")
        cls.user_company_b = new_test_user(
            cls.env,
            login="realty_manager_b",
            groups="realty_base.group_realty_manager",
            company_id=cls.company_b.id,
            company_ids=[Command.set(cls.company_b.ids)],
        )
        cls.project = cls.env["realty.project"].create({"name": "Test Garden", "code": "TG"})
        cls.layout_2br = cls._create_layout("B", 2, 89.0, 72.0, "south")
        cls.layout_3br = cls._create_layout("C", 3, 120.0, 98.0, "south_north")
        cls.building = cls.env["realty.building"].create(
            {"project_id": cls.project.id, "name": "Building 1", "code": "1", "floor_count": 18, "position_count": 2}
        )

    @classmethod
    def _create_realty_user(cls, login, group):
        return new_test_user(cls.env, login=login, groups=group, company_id=cls.company.id)

    @classmethod
    def _create_layout(cls, name, bedrooms, gross, inner, orientation):
        return cls.env["realty.layout"].create(
            {
                "project_id": cls.project.id,
                "name": name,
                "bedrooms": bedrooms,
                "gross_area": gross,
                "inner_area": inner,
                "orientation": orientation,
            }
        )

    @classmethod
    def _create_unit(cls, floor, position, building=None, **values):
        return cls.env["realty.unit"].create(
            {
                "building_id": (building or cls.building).id,
                "floor": floor,
                "position": position,
                "layout_id": cls.layout_2br.id,
                "gross_area": 100.0,
                "inner_area": 80.0,
                "unit_price": 20000.0,
                **values,
            }
        )

    def _generate(self, building=None, **values):
        wizard = self.env["realty.unit.generator"].create(
            {"building_id": (building or self.building).id, "floor_from": 1, "floor_to": 3, "base_unit_price": 20000.0}
            | values
        )
        wizard.action_generate()
        return wizard

    @classmethod
    def _json2_headers(cls, user):
        """Headers of a JSON-2 request (/json/2/<model>/<method>) made with a new API key of ``user``."""
        key = (
            cls.env["res.users.apikeys"]
            .with_user(user)
            ._generate(scope="rpc", name="test", expiration_date=datetime.now() + timedelta(days=1))
        )
        return {"Content-Type": "application/json; charset=utf-8", "Authorization": f"Bearer {key}"}

    @classmethod
    def _set_company_currency(cls, currency):
        """Make ``currency`` the company's, for a test of amounts printed in it. In SQL: once accounting is installed,
        the ORM refuses the change where demo journal entries exist; the test's transaction is rolled back."""
        currency.active = True
        cls.env.flush_all()
        cls.env.cr.execute("UPDATE res_company SET currency_id = %s WHERE id = %s", [currency.id, cls.company.id])
        cls.env.invalidate_all()

    @staticmethod
    def _force_state(units, state):
        """Put units in a state that a later addon's document would give them (reserved, contracted…)."""
        units._action_env().write({"state": state})
