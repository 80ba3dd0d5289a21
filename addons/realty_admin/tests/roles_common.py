from odoo import Command

from odoo.addons.realty_contract.tests.common import RealtyContractCase


class RealtyRolesCase(RealtyContractCase):
    """RealtyContractCase plus two sales teams of the company: team A (led by ``manager``, with ``salesperson``)
    and team B (led by ``manager_b``, with ``salesperson_b``), and released units to sell."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager_b = cls._create_realty_user("realty_manager_team_b", "realty_base.group_realty_manager")
        cls.salesperson_b = cls._create_realty_user("realty_sales_team_b", "realty_base.group_realty_salesperson")
        cls.team_a = cls._create_team("Team A", cls.manager, cls.salesperson)
        cls.team_b = cls._create_team("Team B", cls.manager_b, cls.salesperson_b)
        cls.units = cls.env["realty.unit"].union(*(cls._create_unit(floor, 2) for floor in range(2, 8)))
        cls.units.action_release()

    @classmethod
    def _create_team(cls, name, leader, member):
        return cls.env["crm.team"].create({"name": name, "user_id": leader.id, "member_ids": [Command.link(member.id)]})

    @classmethod
    def _create_internal_user(cls, login, company=None):
        company = company or cls.company
        return cls.env["res.users"].create(
            {
                "name": login.replace("_", " ").title(),
                "login": login,
                "password": login,
                "company_id": company.id,
                "company_ids": [Command.set(company.ids)],
                "group_ids": [Command.set(cls.env.ref("base.group_user").ids)],
            }
        )

    def _role(self, key):
        return self.env.ref(f"realty_admin.role_realty_{key}")

    def _lead(self, user, **values):
        return self.env["crm.lead"].create({"name": f"Lead of {user.name}", "user_id": user.id, **values})
