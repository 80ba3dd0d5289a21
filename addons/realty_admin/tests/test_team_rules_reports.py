from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .roles_common import RealtyRolesCase
from odoo.addons.realty_finance.tests.common import RealtyFinanceCase


@tagged("post_install", "-at_install")
class TestTeamRulesReports(RealtyRolesCase, RealtyFinanceCase):
    """The analyses that carry a salesperson or a team follow the team rules: a sales manager reads the rows of
    his teams' salespeople (funnel, sales, collections, salesperson performance), not another team's; executives
    read every team's."""

    def setUp(self):
        super().setUp()
        self.deals_a = self._deal(self.salesperson, self.units[0])
        self.deals_b = self._deal(self.salesperson_b, self.units[1])

    @classmethod
    def _create_team(cls, name, leader, member):
        # the class user of RealtyFinanceCase is an accountant with the realty roles, no sales administrator
        team = (
            cls.env["crm.team"]
            .sudo()
            .create({"name": name, "user_id": leader.id, "member_ids": [Command.link(member.id)]})
        )
        return team.sudo(False)

    def _deal(self, salesperson, unit):
        """A real estate lead and a signed, billed installment contract of ``salesperson``."""
        lead = self._realty_lead(
            salesperson, is_realty=True, realty_project_id=self.project.id, company_id=self.company.id
        )
        contract = self._signed_installment_contract(unit=unit, user=salesperson)
        contract.installment_ids._bill()
        return {"lead": lead, "contract": contract, "user": salesperson}

    def _realty_lead(self, user, **values):
        return self.env["crm.lead"].create({"name": f"Lead of {user.name}", "user_id": user.id, **values})

    def _rows(self, deals):
        """Each analysis' rows of ``deals``, as the superuser reads them."""
        keys = {
            "realty.report.funnel": ("lead_id", deals["lead"]),
            "realty.report.sales": ("contract_id", deals["contract"]),
            "realty.report.collection": ("contract_id", deals["contract"]),
            "realty.report.salesperson": ("user_id", deals["user"]),
        }
        return {
            model: self.env[model].sudo().search([(field, "=", record.id)]) for model, (field, record) in keys.items()
        }

    def test_manager_of_team_a_does_not_see_team_b(self):
        rows_a, rows_b = self._rows(self.deals_a), self._rows(self.deals_b)
        for model, row_b in rows_b.items():
            with self.subTest(model=model):
                row_a = rows_a[model]
                self.assertTrue(row_a and row_b, "both teams have rows")
                ids = (row_a | row_b).ids
                self.assertEqual(self.env[model].with_user(self.manager).search([("id", "in", ids)]), row_a)
                self.assertEqual(self.env[model].with_user(self.manager_b).search([("id", "in", ids)]), row_b)
                row_a.with_user(self.manager).read(["user_id"])
                with self.assertRaises(AccessError):
                    row_b.with_user(self.manager).read(["user_id"])

    def test_team_member_manager_sees_the_team(self):
        """A manager who is a member (not the leader) of team B reads team B's rows."""
        self.team_b.sudo().member_ids |= self.manager
        for model, row_b in self._rows(self.deals_b).items():
            with self.subTest(model=model):
                self.assertEqual(self.env[model].with_user(self.manager).search([("id", "in", row_b.ids)]), row_b)

    def test_executive_and_administrator_see_every_team(self):
        rows_a, rows_b = self._rows(self.deals_a), self._rows(self.deals_b)
        for user in (self.executive, self.admin):
            for model in rows_a:
                with self.subTest(user=user.login, model=model):
                    rows = rows_a[model] | rows_b[model]
                    self.assertEqual(self.env[model].with_user(user).search([("id", "in", rows.ids)]), rows)
