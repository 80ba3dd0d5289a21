from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.realty_finance.tests.common import RealtyFinanceCase

SIGNED_ON = date(2026, 1, 15)  # invoices: deposit 50,000 and first 780,000 due that day, 585,000 on 15/4 and 15/7
TODAY = date(2026, 3, 1)  # the first installment is 45 days late


@tagged("post_install", "-at_install")
class TestReportCollection(RealtyFinanceCase):
    """Collections 回款 against the invoices and payments it counts: invoiced, received (partial payments
    included), overdue and the collection rate per group, and who sees which rows."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_salesperson = cls._create_realty_user("realty_sales_2", "realty_base.group_realty_salesperson")

    def _billed_contract(self, unit=None, user=None):
        with freeze_time(SIGNED_ON):
            contract = self._signed_installment_contract(unit=unit, user=user)
            contract.installment_ids._bill()
        return contract

    def _contracts(self):
        """Mine: 150,000 received (the deposit, and 100,000 of the first installment); theirs: 830,000 (the
        deposit and the first installment in full)."""
        other_unit = self._create_unit(12, 2)
        other_unit.action_release()
        mine = self._billed_contract()
        theirs = self._billed_contract(unit=other_unit, user=self.other_salesperson)
        with freeze_time(date(2026, 1, 20)):
            self._receive(mine, 150000.0)
            self._receive(theirs, 830000.0)
        return mine, theirs

    def _read_group(self, contracts, groupby, aggregates, user=None):
        Report = self.env["realty.report.collection"].with_user(user or self.env.user)
        with freeze_time(TODAY):
            return Report._read_group([("contract_id", "in", contracts.ids)], groupby, aggregates)

    def test_rows_follow_the_invoices(self):
        mine, theirs = self._contracts()
        first = mine.installment_ids.sorted("sequence")[1]
        with freeze_time(TODAY):
            rows = self.env["realty.report.collection"].search([("contract_id", "in", (mine | theirs).ids)])
            self.assertEqual(len(rows), 8, "four invoices per contract")
            self.assertEqual(rows.move_id, (mine | theirs).installment_ids.move_id)
            row = rows.filtered(lambda row: row.installment_id == first)
            self.assertEqual(
                (row.amount_invoiced, row.amount_received, row.amount_open, row.amount_overdue),
                (780000.0, 100000.0, 680000.0, 680000.0),
            )
            self.assertEqual((row.days_overdue, row.aging_bucket), (45, "31_60"))
            self.assertEqual((row.invoice_date, row.date_due), (SIGNED_ON, SIGNED_ON))
            self.assertAlmostEqual(row.collection_rate, 100000.0 / 780000.0 * 100)
            self.assertEqual(
                (row.user_id, row.partner_id, row.project_id), (self.salesperson, mine.partner_id, self.project)
            )

    def test_totals_and_rates_per_group(self):
        mine, theirs = self._contracts()
        both = mine | theirs
        aggregates = ["amount_invoiced:sum", "amount_received:sum", "amount_overdue:sum", "collection_rate:avg"]
        by_user = {user: rest for user, *rest in self._read_group(both, ["user_id"], aggregates)}
        self.assertEqual(by_user[self.salesperson], [2000000.0, 150000.0, 680000.0, 7.5])
        self.assertEqual(by_user[self.other_salesperson], [2000000.0, 830000.0, 0.0, 41.5])
        # the project: 980,000 of 4,000,000 is 24.5 %, where the invoices' own rates would average 39.1 %
        [(project, *totals)] = self._read_group(both, ["project_id"], aggregates)
        self.assertEqual((project, totals), (self.project, [4000000.0, 980000.0, 680000.0, 24.5]))
        by_due_month = {month.month: rest for month, *rest in self._read_group(both, ["date_due:month"], aggregates)}
        self.assertEqual(by_due_month[4], [1170000.0, 0.0, 0.0, 0.0], "not due yet: nothing overdue")
        jan = by_due_month[1]
        self.assertEqual(jan[:3], [1660000.0, 980000.0, 680000.0])
        self.assertAlmostEqual(jan[3], 980000.0 / 1660000.0 * 100)
        [(invoice_month, invoiced)] = self._read_group(both, ["invoice_date:month"], ["amount_invoiced:sum"])
        self.assertEqual((invoice_month, invoiced), (date(2026, 1, 1), 4000000.0), "all billed on signing")
        by_bucket = dict(self._read_group(both, ["aging_bucket"], ["__count"]))
        self.assertEqual(by_bucket, {"paid": 3, "31_60": 1, "current": 4})

    def test_access_per_role(self):
        mine, theirs = self._contracts()
        both = mine | theirs

        def seen(user):
            with freeze_time(TODAY):
                return (
                    self.env["realty.report.collection"]
                    .with_user(user)
                    .search([("contract_id", "in", both.ids)])
                    .contract_id
                )

        self.assertEqual(seen(self.salesperson), mine, "a salesperson sees their own contracts' collections")
        self.assertEqual(seen(self.other_salesperson), theirs)
        for user in (self.finance, self.manager, self.executive, self.admin):
            self.assertEqual(seen(user), both, user.login)
        self.assertFalse(seen(self.user_company_b), "a manager of another company sees nothing")
        [(received,)] = self._read_group(both, [], ["amount_received:sum"], user=self.salesperson)
        self.assertEqual(received, 150000.0)
        # finance reads the collections, not the sales
        with self.assertRaises(AccessError):
            self.env["realty.report.sales"].with_user(self.finance).search([])

    def test_screens_open_for_every_role(self):
        self._contracts()
        for user in (self.salesperson, self.finance, self.manager, self.executive):
            with self.subTest(user=user.login), freeze_time(TODAY):
                Report = self.env["realty.report.collection"].with_user(user)
                views = Report.get_views([(False, view) for view in ("list", "pivot", "graph", "search")])
                fields = list(views["models"]["realty.report.collection"]["fields"])
                self.assertTrue(Report.search_read([], fields))
