from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from .common import RealtyFinanceCase

LIVE = [("state", "not in", ("draft", "cancelled"))]
AMOUNTS = [
    "__count",
    "price:sum",
    "amount_invoiced:sum",
    "amount_paid:sum",
    "amount_residual:sum",
    "amount_unbilled:sum",
]


@tagged("post_install", "-at_install")
class TestReceivables(RealtyFinanceCase):
    """应收款: each contract's invoiced, paid, open and overdue amounts, stored (or, for what is overdue today, summed
    in SQL) so that the list across contracts totals them per project and salesperson."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_salesperson = cls._create_realty_user("realty_sales_2", "realty_base.group_realty_salesperson")
        cls.other_unit = cls._create_unit(12, 2)
        cls.other_unit.action_release()

    def _two_billed_contracts(self):
        """Two contracts of 2,000,000 (50,000 deposit, then 780,000 now, 585,000 in 3 and in 6 months), all
        billed; the salesperson's buyer has paid 900,000, the other salesperson's 100,000."""
        mine = self._signed_installment_contract()
        theirs = self._signed_installment_contract(unit=self.other_unit, user=self.other_salesperson)
        self.company.realty_invoice_lead_days = 400
        self.env["realty.installment"]._cron_bill_due_installments()
        self._receive(mine, 900000.0)
        self._receive(theirs, 100000.0)
        return mine, theirs

    def _totals(self, user, groupby, aggregates, contracts):
        Contract = self.env["realty.contract"].with_user(user)
        domain = LIVE + [("id", "in", contracts.ids)]
        return Contract.formatted_read_group(domain, groupby, aggregates)

    def test_totals_after_billing_and_payments(self):
        mine, theirs = self._two_billed_contracts()
        self.assertEqual(
            (mine.amount_invoiced, mine.amount_paid, mine.amount_residual, mine.amount_unbilled),
            (2000000.0, 900000.0, 1100000.0, 0.0),
        )
        [total] = self._totals(self.finance, ["project_id"], AMOUNTS, mine + theirs)
        self.assertEqual(
            [total[aggregate] for aggregate in AMOUNTS], [2, 4000000.0, 4000000.0, 1000000.0, 3000000.0, 0.0]
        )
        per_salesperson = {
            group["user_id"][0]: group["amount_residual:sum"]
            for group in self._totals(self.executive, ["user_id"], ["amount_residual:sum"], mine + theirs)
        }
        self.assertEqual(per_salesperson, {self.salesperson.id: 1100000.0, self.other_salesperson.id: 1900000.0})

    def test_stored_amounts_follow_the_ledger(self):
        contract = self._signed_installment_contract()
        Contract = self.env["realty.contract"]
        self.assertEqual(contract.amount_unbilled, 2000000.0)
        self.env["realty.installment"]._cron_bill_due_installments()  # deposit and first installment
        self.assertEqual((contract.amount_invoiced, contract.amount_unbilled), (830000.0, 1170000.0))
        self.assertIn(contract, Contract.search([("amount_residual", "=", 830000.0)]))

        payment = self._receive(contract, 830000.0)
        self.assertEqual((contract.amount_paid, contract.amount_residual), (830000.0, 0.0))
        self.assertIn(contract, Contract.search([("amount_paid", "=", 830000.0), ("amount_residual", "=", 0.0)]))

        payment.with_user(self.finance).action_cancel()  # the money was not received after all
        self.assertEqual((contract.amount_paid, contract.amount_residual), (0.0, 830000.0))

    def test_overdue_as_of_today_sums_in_groups(self):
        mine, theirs = self._two_billed_contracts()
        self.assertFalse(mine.amount_overdue)
        later = fields.Date.today() + relativedelta(months=4, days=1)  # the deposit and two installments are due
        with freeze_time(later):
            self.env.invalidate_all()  # what is overdue depends on today
            self.assertEqual(mine.amount_overdue, 585000.0 - 70000.0)
            self.assertEqual(theirs.amount_overdue, 730000.0 + 585000.0)
            [total] = self._totals(self.finance, ["project_id"], ["amount_overdue:sum"], mine + theirs)
            self.assertEqual(total["amount_overdue:sum"], mine.amount_overdue + theirs.amount_overdue)
            per_salesperson = self._totals(self.finance, ["user_id"], ["amount_overdue:sum"], mine + theirs)
            self.assertCountEqual(
                [group["amount_overdue:sum"] for group in per_salesperson], [mine.amount_overdue, theirs.amount_overdue]
            )
            by_overdue = self.env["realty.contract"].search(
                [("id", "in", (mine + theirs).ids)], order="amount_overdue desc"
            )
            self.assertEqual(by_overdue, theirs + mine, "the list sorts by what is overdue today")

    def test_salesperson_totals_cover_own_contracts_only(self):
        mine, theirs = self._two_billed_contracts()
        with freeze_time(fields.Date.today() + relativedelta(months=4, days=1)):
            [own] = self._totals(self.salesperson, ["project_id"], AMOUNTS + ["amount_overdue:sum"], mine + theirs)
        self.assertEqual(own["__count"], 1)
        self.assertEqual(own["amount_residual:sum"], 1100000.0)
        self.assertEqual(own["amount_overdue:sum"], 515000.0)
        rows = self.env["realty.contract"].with_user(self.salesperson).search(LIVE + [("amount_residual", ">", 0)])
        self.assertEqual(rows, mine)
        self.assertEqual(rows.amount_overdue, 0.0, "nothing is overdue today")

    def test_list_queries_do_not_grow_with_contracts(self):
        first = self._signed_installment_contract()
        self.env["realty.installment"]._cron_bill_due_installments()
        self._read_list(first)  # the registry's caches (access rights, rules) are warm from here on
        with self.assertQueryCount(11):
            self._read_list(first)
        second = self._signed_installment_contract(unit=self.other_unit)
        self.env["realty.installment"]._cron_bill_due_installments()
        with self.assertQueryCount(11):
            result = self._read_list(first + second)
        self.assertEqual(result["length"], 2)

    def _read_list(self, contracts):
        """What the Receivables list reads, as finance, from a cold record cache."""
        many2one = {"fields": {"display_name": {}}}
        spec = dict.fromkeys(("name", "price", "amount_invoiced", "amount_paid", "amount_residual", "state"), {})
        spec |= {"amount_overdue": {}, "amount_unbilled": {}, "currency_id": many2one}
        spec |= dict.fromkeys(("project_id", "unit_id", "partner_id", "user_id"), many2one)
        self.env.invalidate_all()
        return (
            self.env["realty.contract"]
            .with_user(self.finance)
            .web_search_read(LIVE + [("id", "in", contracts.ids)], spec)
        )
