from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.realty_base.tests.common import RealtyCase

DAY = date(2027, 3, 10)


@tagged("post_install", "-at_install")
class TestDailyReportAccess(RealtyCase):
    """Who reads the daily log (sales managers, executives, administrators: their companies' projects), who
    does not (salespeople, finance), and that nobody writes a figure directly, whatever their rights."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project_b = cls.env["realty.project"].create({"name": "Harbour View", "company_id": cls.company_b.id})
        with freeze_time("2027-03-11 01:00:00"):
            Report = cls.env["realty.daily.report"]
            cls.report = Report._make(cls.project, DAY)
            cls.report_b = Report._make(cls.project_b, DAY)
        cls.executive_b = cls._create_realty_user("realty_exec_b", "realty_base.group_realty_executive")
        cls.executive_b.write({"company_ids": [Command.set(cls.company_b.ids)], "company_id": cls.company_b.id})

    def _visible(self, user):
        return self.env["realty.daily.report"].with_user(user).search([("id", "in", (self.report | self.report_b).ids)])

    def test_readers_see_their_companies_logs(self):
        for user in (self.manager, self.executive, self.admin):
            with self.subTest(user=user.login):
                self.assertEqual(self._visible(user), self.report)
                self.assertEqual(self.report.with_user(user).leads_new, 0)
        self.assertEqual(self._visible(self.executive_b), self.report_b)
        self.assertEqual(self._visible(self.user_company_b), self.report_b)

    def test_screens_open_for_readers(self):
        views = [(False, view) for view in ("list", "form", "pivot", "graph", "search")]
        for user in (self.manager, self.executive):
            with self.subTest(user=user.login):
                Report = self.env["realty.daily.report"].with_user(user)
                fields = Report.get_views(views)["models"]["realty.daily.report"]["fields"]
                self.assertTrue(self.report.with_user(user).read(list(fields)))
                self.assertTrue(Report.formatted_read_group([], ["project_id", "date:week"], ["contracts_amount:sum"]))

    def test_salespeople_and_finance_have_no_daily_log(self):
        for user in (self.salesperson, self.finance):
            for model in ("realty.daily.report", "realty.daily.report.line"):
                with self.subTest(user=user.login, model=model), self.assertRaises(AccessError):
                    self.env[model].with_user(user).search([])
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.report.with_user(user).read(["leads_new"])

    def test_nobody_writes_a_figure(self):
        # whatever a role's rights (the managers' and administrators' write rights are for the logged recompute),
        # the action guard refuses the figures first
        for user in (self.salesperson, self.finance, self.executive, self.manager, self.admin):
            report = self.report.with_user(user)
            with self.subTest(user=user.login), self.assertRaisesRegex(UserError, "only through the document"):
                report.write({"contracts_amount": 1.0})
            with self.subTest(user=user.login, create=True), self.assertRaises(UserError):
                report.create({"project_id": self.project.id, "date": date(2027, 3, 1), "leads_new": 5})
        line_values = {"report_id": self.report.id, "kind": "method", "method": "cash", "amount": 1.0}
        with self.assertRaisesRegex(UserError, "only through the document"):
            self.env["realty.daily.report.line"].with_user(self.manager).create(line_values)
        self.assertEqual(self.report.received_amount, 0.0)

    def test_recompute_and_wizard_for_managers_only(self):
        with freeze_time("2027-03-12 01:00:00"):
            self.report.with_user(self.manager).action_recompute()
            self.assertEqual(self.report.computed_by_id, self.manager)
            with self.assertRaises(AccessError):
                self.report.with_user(self.executive).action_recompute()
            for user in (self.salesperson, self.executive, self.finance):
                with self.subTest(user=user.login), self.assertRaises(AccessError):
                    self.env["realty.daily.report.make"].with_user(user).create(
                        {"project_ids": [Command.set(self.project.ids)], "date": DAY}
                    )
