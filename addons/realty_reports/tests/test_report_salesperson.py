from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .analyses_common import RealtyAnalysesCase

MARCH, APRIL = date(2025, 3, 1), date(2025, 4, 1)
FIGURES = ["leads", "visits", "reservations", "contracts", "amount_signed", "amount_collected", "target_amount"]


@tagged("post_install", "-at_install")
class TestReportSalesperson(RealtyAnalysesCase):
    """Each salesperson's month against the records, the target's achievement per group, and the month's ranking."""

    def setUp(self):
        super().setUp()
        self._receive_payments()

    def _report(self, user=None):
        return self.env["realty.report.salesperson"].with_user(user or self.env.user)

    def _rows(self, user=None):
        rows = self._report(user).search([("user_id", "in", (self.sp1 | self.sp2).ids)])
        return {(row.user_id, row.month): row for row in rows}

    def test_month_rows_against_the_records(self):
        rows = self._rows()
        self.assertEqual(set(rows), {(self.sp1, MARCH), (self.sp2, MARCH), (self.sp1, APRIL)})
        self.assertEqual(self.contract_sp2.price, 1960000.0)
        expected = {
            (self.sp1, MARCH): [3, 3, 2, 1, 2000000.0, 300000.0, 4000000.0],
            (self.sp2, MARCH): [3, 1, 2, 1, 1960000.0, 50000.0, 980000.0],  # L6's deposit; a lost lead counts
            (self.sp1, APRIL): [0, 0, 0, 0, 0.0, 100000.0, 1000000.0],
        }
        for key, figures in expected.items():
            with self.subTest(user=key[0].login, month=key[1]):
                self.assertEqual([rows[key][name] for name in FIGURES], figures)
        self.assertEqual((rows[self.sp1, MARCH].achievement, rows[self.sp1, MARCH].contracts_achievement), (50, 50))
        self.assertEqual((rows[self.sp2, MARCH].achievement, rows[self.sp2, MARCH].contracts_achievement), (200, 100))
        self.assertEqual(rows[self.sp1, APRIL].achievement, 0.0)

    def test_ranking_within_the_month(self):
        rows = self._rows()
        self.assertEqual(
            [rows[self.sp1, MARCH].rank, rows[self.sp2, MARCH].rank, rows[self.sp1, APRIL].rank], [1, 2, 1]
        )
        listed = self._report().search([("user_id", "in", (self.sp1 | self.sp2).ids), ("month", "=", MARCH)])
        self.assertEqual(listed.user_id, self.sp1 | self.sp2, "listed by month and rank")
        self.assertEqual(listed.mapped("rank"), [1, 2])

    def test_achievement_per_group_from_the_sums(self):
        aggregates = ["amount_signed:sum", "target_amount:sum", "achievement:avg", "contracts_achievement:avg"]
        domain = [("user_id", "in", (self.sp1 | self.sp2).ids)]
        by_month = self._by(self._report().formatted_read_group(domain, ["month:month"], aggregates), "month:month")
        march = next(group for group in by_month.values() if group["amount_signed:sum"])
        self.assertAlmostEqual(march["achievement:avg"], 3960000 / 4980000 * 100, msg="not the mean of 50 and 200 %")
        self.assertAlmostEqual(march["contracts_achievement:avg"], 2 / 3 * 100)
        by_user = self._by(self._report().formatted_read_group(domain, ["user_id"], aggregates), "user_id")
        self.assertAlmostEqual(by_user[self.sp1.id]["achievement:avg"], 40.0, msg="2M / (4M + 1M), not (50 + 0) / 2")

    def test_grouped_read_query_count(self):
        Report, aggregates = self._report(self.manager), ["amount_signed:sum", "achievement:avg", "rank:min"]
        Report.formatted_read_group([], ["user_id", "month:month"], aggregates)
        with self.assertQueryCount(1):
            Report.formatted_read_group([], ["user_id", "month:month"], aggregates)

    def test_views_open_for_each_reader(self):
        for user in (self.sp1, self.manager, self.executive):
            views = self._report(user).get_views([(False, kind) for kind in ("list", "pivot", "graph", "search")])
            self.assertIn("rank", views["models"]["realty.report.salesperson"]["fields"], user.login)
        for model in ("realty.sales.target", "realty.ad.spend"):
            self.env[model].with_user(self.manager).get_views([(False, "list"), (False, "form"), (False, "search")])

    def test_access_per_role(self):
        mine = self._rows(self.sp1)
        self.assertEqual(set(mine), {(self.sp1, MARCH), (self.sp1, APRIL)}, "a salesperson reads only their own rows")
        other = self._rows()[self.sp2, MARCH]
        with self.assertRaises(AccessError):
            self._report(self.sp1).browse(other.id).read(["amount_signed"])
        for user in (self.manager, self.executive, self.admin):
            self.assertEqual(len(self._rows(user)), 3, user.login)
        self.assertFalse(self._rows(self.user_company_b), "another company's manager sees none")
        with self.assertRaises(AccessError):
            self._rows(self.finance)


@tagged("post_install", "-at_install")
class TestSalesTarget(RealtyAnalysesCase):
    """One target per salesperson and month, stored on the month's first day, never negative; managers set them."""

    def test_month_is_its_first_day_and_unique(self):
        self.assertEqual(self.targets.mapped("month"), [MARCH, APRIL, MARCH])
        target = self.targets[1]
        target.month = "2025-05-17"
        self.assertEqual(target.month, date(2025, 5, 1))
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["realty.sales.target"].create({"user_id": self.sp1.id, "month": "2025-03-15"})
            self.env.flush_all()

    def test_negative_target_refused(self):
        for values in ({"target_amount": -1.0}, {"target_contracts": -1}):
            with self.subTest(values=values), mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
                self.env["realty.sales.target"].create({"user_id": self.sp2.id, "month": "2025-06-01", **values})
                self.env.flush_all()

    def test_access_per_role(self):
        Target = self.env["realty.sales.target"]
        self.assertEqual(Target.with_user(self.sp1).search([]), self.targets.filtered(lambda t: t.user_id == self.sp1))
        values = {"user_id": self.sp2.id, "month": "2025-07-01", "target_amount": 500000.0}
        for user in (self.sp1, self.executive, self.finance):
            with self.assertRaises(AccessError, msg=user.login):
                Target.with_user(user).create(values)
        target = Target.with_user(self.manager).create(values)
        target.target_amount = 600000.0
        self.assertEqual(Target.with_user(self.executive).browse(target.id).target_amount, 600000.0)
        self.assertFalse(Target.with_user(self.user_company_b).search([]), "another company's targets are hidden")
