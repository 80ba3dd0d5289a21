from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .analyses_common import RealtyAnalysesCase, at

RATES = ["leads:sum", "visited:sum", "reserved:sum", "contracted:sum", "visit_rate:avg", "reservation_rate:avg"]
RATES += ["contract_rate:avg", "days_to_visit:avg", "days_to_reservation:avg", "days_to_contract:avg"]


@tagged("post_install", "-at_install")
class TestReportFunnel(RealtyAnalysesCase):
    """Leads → visits → reservations → contracts, per lead and per group, with rates from the group's sums."""

    def _report(self, user=None):
        return self.env["realty.report.funnel"].with_user(user or self.env.user)

    def _groups(self, groupby, user=None, **kwargs):
        return self._report(user).formatted_read_group([("project_id", "=", self.project.id)], groupby, RATES, **kwargs)

    def test_one_row_per_lead_with_its_steps(self):
        rows = self._report().search([("project_id", "=", self.project.id)])
        self.assertEqual(rows.lead_id, self.l1 | self.l2 | self.l3 | self.l4 | self.l5 | self.l6, "a lost lead stays")
        self.assertFalse(self._report().search([("lead_id", "=", self.plain_lead.id)]), "plain CRM leads are not")
        row = rows.filtered(lambda row: row.lead_id == self.l1)
        self.assertEqual(
            (row.date, row.date_first_visit, row.date_first_reservation, row.date_first_contract),
            (at("03-01"), at("03-03"), at("03-06"), date(2025, 3, 10)),
            "the first visit of two, the reservation's and the contract's dates",
        )
        self.assertEqual((row.leads, row.visited, row.reserved, row.contracted), (1, 1, 1, 1))
        self.assertEqual((row.days_to_visit, row.days_to_reservation, row.days_to_contract), (2, 3, 4))
        self.assertEqual(
            (row.source_id, row.medium_id, row.campaign_id, row.user_id, row.company_id),
            (self.source_a, self.medium, self.campaign_x, self.sp1, self.company),
        )
        l6 = rows.filtered(lambda row: row.lead_id == self.l6)
        self.assertEqual((l6.visited, l6.reserved, l6.contracted), (0, 1, 0), "reserved without a logged visit")

    def test_rates_and_days_per_source_from_the_sums(self):
        groups = self._by(self._groups(["source_id"]), "source_id")
        a, b = groups[self.source_a.id], groups[self.source_b.id]
        self.assertEqual([a[spec] for spec in RATES[:4]], [3, 2, 2, 1])
        self.assertAlmostEqual(a["visit_rate:avg"], 200 / 3)
        self.assertAlmostEqual(a["reservation_rate:avg"], 100.0)
        self.assertAlmostEqual(a["contract_rate:avg"], 100 / 3)
        self.assertAlmostEqual(a["days_to_visit:avg"], 1.0, msg="(2 + 0) / 2 visited leads, not / 3 leads")
        self.assertAlmostEqual(a["days_to_reservation:avg"], 3.0)
        self.assertAlmostEqual(a["days_to_contract:avg"], 4.0)
        self.assertEqual([b[spec] for spec in RATES[:4]], [3, 1, 1, 0])
        self.assertAlmostEqual(b["visit_rate:avg"], 100 / 3)
        self.assertAlmostEqual(
            b["reservation_rate:avg"], 100.0, msg="reserved / visited of the group, not an average of its rows (0)"
        )
        self.assertEqual(b["contract_rate:avg"], 0.0)
        self.assertAlmostEqual(b["days_to_visit:avg"], 4.0)
        self.assertFalse(b["days_to_reservation:avg"], "no lead of B went from a visit to a reservation: empty")
        self.assertFalse(b["days_to_contract:avg"])

    def test_total_and_salesperson_groups(self):
        by_user, total = self._report().formatted_read_grouping_sets(
            [("project_id", "=", self.project.id)], [["user_id"], []], RATES
        )
        total = total[0]
        self.assertEqual([total[spec] for spec in RATES[:4]], [6, 3, 3, 1])
        self.assertAlmostEqual(total["visit_rate:avg"], 50.0)
        self.assertAlmostEqual(total["contract_rate:avg"], 100 / 6)
        self.assertAlmostEqual(total["days_to_visit:avg"], 2.0)
        by_user = self._by(by_user, "user_id")
        self.assertEqual([by_user[self.sp1.id][spec] for spec in RATES[:4]], [3, 2, 2, 1])
        self.assertEqual([by_user[self.sp2.id][spec] for spec in RATES[:4]], [3, 1, 1, 0])
        self.assertAlmostEqual(by_user[self.sp2.id]["contract_rate:avg"], 0.0)

    def test_groups_ordered_by_rate(self):
        groups = self._groups(["campaign_id"], order="contract_rate:avg desc")
        self.assertEqual([group["campaign_id"][0] for group in groups], [self.campaign_x.id, self.campaign_y.id])

    def test_grouped_read_query_count(self):
        """A pivot's grouping is one SQL query whatever the number of leads."""
        self._groups(["source_id", "date:month"], user=self.manager)
        with self.assertQueryCount(1):
            self._groups(["source_id", "date:month"], user=self.manager)

    def test_views_open_for_each_reader(self):
        for user in (self.sp1, self.manager, self.executive):
            views = self._report(user).get_views([(False, kind) for kind in ("pivot", "graph", "list", "search")])
            self.assertIn("visit_rate", views["models"]["realty.report.funnel"]["fields"], user.login)

    def test_access_per_role(self):
        domain = [("project_id", "=", self.project.id)]
        mine = self._report(self.sp1).search(domain)
        self.assertEqual(mine.lead_id, self.l1 | self.l2 | self.l5, "a salesperson sees their own leads' funnel")
        self.assertEqual(self._groups([], user=self.sp1)[0]["leads:sum"], 3)
        with self.assertRaises(AccessError):
            self._report(self.sp1).browse(self.l3.id).read(["leads"])
        for user in (self.manager, self.executive, self.admin):
            self.assertEqual(len(self._report(user).search(domain)), 6, user.login)
        self.assertFalse(self._report(self.user_company_b).search(domain), "another company's manager sees none")
        with self.assertRaises(AccessError):
            self._report(self.finance).search(domain)
