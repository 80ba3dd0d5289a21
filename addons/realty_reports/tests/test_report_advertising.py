from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .analyses_common import RealtyAnalysesCase

MEASURES = ["spend:sum", "leads:sum", "visits:sum", "deals:sum", "amount_signed:sum"]
COSTS = ["cost_per_lead:avg", "cost_per_deal:avg"]


@tagged("post_install", "-at_install")
class TestReportAdvertising(RealtyAnalysesCase):
    """Spend against leads, visits and deals per project, day and channel; costs per lead and deal from the sums."""

    def _report(self, user=None):
        return self.env["realty.report.advertising"].with_user(user or self.env.user)

    def _groups(self, groupby, user=None):
        return self._report(user).formatted_read_group(
            [("project_id", "=", self.project.id)], groupby, MEASURES + COSTS
        )

    def test_campaign_totals_and_costs(self):
        groups = self._by(self._groups(["campaign_id"]), "campaign_id")
        x, y = groups[self.campaign_x.id], groups[self.campaign_y.id]
        self.assertEqual([x[spec] for spec in MEASURES], [3000.0, 3, 3, 1, 2000000.0], "L1 visited twice")
        self.assertAlmostEqual(x["cost_per_lead:avg"], 1000.0, msg="3,000 / 3 leads, not the mean of 500 and 2,000")
        self.assertAlmostEqual(x["cost_per_deal:avg"], 3000.0)
        self.assertEqual([y[spec] for spec in MEASURES], [600.0, 3, 1, 0, 0.0], "the lost lead L5 counts")
        self.assertAlmostEqual(y["cost_per_lead:avg"], 200.0)
        self.assertIs(y["cost_per_deal:avg"], False, "spend and no deal: no cost per deal, not a division error")
        total = self._groups([])[0]
        self.assertEqual([total[spec] for spec in MEASURES], [3600.0, 6, 4, 1, 2000000.0])
        self.assertAlmostEqual(total["cost_per_lead:avg"], 600.0)
        self.assertAlmostEqual(total["cost_per_deal:avg"], 3600.0)

    def test_day_rows(self):
        rows = self._report().search([("project_id", "=", self.project.id), ("campaign_id", "=", self.campaign_x.id)])
        by_day = {row.date: row for row in rows}
        self.assertEqual(
            sorted(by_day), [date(2025, 3, day) for day in (1, 2, 3, 8, 10)], "spend, leads, visits and deal days"
        )
        first = by_day[date(2025, 3, 1)]
        self.assertEqual((first.spend, first.leads, first.visits, first.deals), (1000.0, 2, 0, 0))
        self.assertEqual(first.cost_per_lead, 500.0)
        self.assertEqual(
            (first.source_id, first.medium_id, first.company_id), (self.source_a, self.medium, self.company)
        )
        signed = by_day[date(2025, 3, 10)]
        self.assertEqual((signed.spend, signed.deals, signed.amount_signed), (0.0, 1, 2000000.0))
        self.assertNotIn(self.contract_sp2.price, rows.mapped("amount_signed"), "a deal without a lead has no channel")

    def test_grouped_by_source_and_medium(self):
        by_source = self._by(self._groups(["source_id"]), "source_id")
        self.assertAlmostEqual(by_source[self.source_a.id]["cost_per_lead:avg"], 1000.0)
        by_medium = self._groups(["medium_id"])
        self.assertEqual(len(by_medium), 1)
        self.assertAlmostEqual(by_medium[0]["cost_per_deal:avg"], 3600.0)

    def test_grouped_read_query_count(self):
        self._groups(["campaign_id", "date:month"], user=self.manager)
        with self.assertQueryCount(1):
            self._groups(["campaign_id", "date:month"], user=self.manager)

    def test_views_open_for_each_reader(self):
        for user in (self.manager, self.executive):
            views = self._report(user).get_views([(False, kind) for kind in ("pivot", "graph", "list", "search")])
            self.assertIn("cost_per_deal", views["models"]["realty.report.advertising"]["fields"], user.login)

    def test_access_per_role(self):
        domain = [("project_id", "=", self.project.id)]
        for user in (self.manager, self.executive, self.admin):
            self.assertEqual(self._groups([], user=user)[0]["spend:sum"], 3600.0, user.login)
        self.assertFalse(self._report(self.user_company_b).search(domain), "another company's manager sees none")
        for user in (self.sp1, self.finance):
            with self.assertRaises(AccessError, msg=user.login):
                self._report(user).search(domain)
