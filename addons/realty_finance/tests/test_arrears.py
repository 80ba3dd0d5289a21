from datetime import date, timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from .common import RealtyFinanceCase

SIGNED_ON = date(2026, 1, 15)  # deposit and first installment due that day, then +3 and +6 months


@tagged("post_install", "-at_install")
class TestArrears(RealtyFinanceCase):
    """Overdue installments aged in buckets, as of the day the report is read."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_salesperson = cls._create_realty_user("realty_sales_2", "realty_base.group_realty_salesperson")

    def _billed_contract(self, unit=None, user=None):
        """A contract signed on SIGNED_ON with its whole schedule invoiced."""
        with freeze_time(SIGNED_ON):
            contract = self._signed_installment_contract(unit=unit, user=user)
            self.company.realty_invoice_lead_days = 400
            self.env["realty.installment"]._cron_bill_due_installments()
        return contract

    def _available_unit(self, position):
        unit = self._create_unit(12, position)
        unit.action_release()
        return unit

    def _arrears(self, contracts, user=None):
        Report = self.env["realty.report.arrears"]
        Report.invalidate_model()  # its rows are read again: what the report says depends on the day
        return Report.with_user(user or self.env.user).search([("contract_id", "in", contracts.ids)])

    def test_buckets_follow_the_day(self):
        contract = self._billed_contract()
        deposit, first = contract.installment_ids[:2]
        with freeze_time(SIGNED_ON + timedelta(days=5)):
            self._receive(contract, 50000.0 + 100000.0)  # the deposit, and 100,000 of the first installment
        with freeze_time(SIGNED_ON):
            self.assertFalse(self._arrears(contract), "nothing is overdue on its due date")
        cases = ((1, "1_30"), (30, "1_30"), (31, "31_60"), (60, "31_60"), (61, "61_90"), (90, "61_90"), (91, "over_90"))
        for days, bucket in cases:
            with self.subTest(days=days), freeze_time(SIGNED_ON + timedelta(days=days)):
                row = self._arrears(contract).filtered(lambda row: row.installment_id == first)
                self.assertEqual((row.days_overdue, row.aging_bucket), (days, bucket))
                self.assertEqual(row.amount_residual, 680000.0, "what is left of it after the partial payment")
                self.assertNotIn(deposit, self._arrears(contract).installment_id, "paid: not in arrears")
                first.invalidate_recordset(["days_overdue", "aging_bucket"])
                self.assertEqual(row.aging_bucket, first.aging_bucket, "the same buckets as the payment schedule")
                self.assertEqual(row.partner_id, contract.partner_id)
                self.assertEqual(row.user_id, contract.user_id)
                self.assertEqual(row.project_id, contract.project_id)

    def test_grouped_by_bucket_salesperson_and_project(self):
        mine = self._billed_contract()
        theirs = self._billed_contract(unit=self._available_unit(2), user=self.other_salesperson)
        second_due = mine.installment_ids[2].date_due  # 2026-04-15: the first installments are 90 days late
        with freeze_time(second_due + timedelta(days=10)):
            Report = self.env["realty.report.arrears"]
            domain = [("contract_id", "in", (mine | theirs).ids)]
            by_bucket = dict(Report._read_group(domain, ["aging_bucket"], ["amount_residual:sum"]))
            self.assertEqual(by_bucket, {"1_30": 2 * 585000.0, "over_90": 2 * 830000.0})
            by_user = dict(Report._read_group(domain, ["user_id"], ["amount_residual:sum"]))
            self.assertEqual(by_user, {self.salesperson: 1415000.0, self.other_salesperson: 1415000.0})
            by_project = dict(Report._read_group(domain, ["project_id"], ["__count"]))
            self.assertEqual(by_project, {self.project: 6})
            by_customer = dict(Report._read_group(domain, ["partner_id"], ["__count"]))
            self.assertEqual(sum(by_customer.values()), 6)

    def test_paid_and_unbilled_installments_are_not_arrears(self):
        with freeze_time(SIGNED_ON):
            contract = self._signed_installment_contract()
            self.env["realty.installment"]._cron_bill_due_installments()  # deposit and first only
            self._receive(contract, 830000.0)
        with freeze_time(SIGNED_ON + timedelta(days=200)):
            self.assertFalse(self._arrears(contract), "paid, or never invoiced: nothing to collect")

    def test_terminated_contracts_leave_the_arrears(self):
        contract = self._billed_contract()
        contract.termination_reason = "Buyer withdrew"
        contract.with_user(self.manager).action_terminate()
        with freeze_time(SIGNED_ON + timedelta(days=10)):
            self.assertFalse(self._arrears(contract))

    def test_salesperson_sees_own_contracts_arrears_only(self):
        mine = self._billed_contract()
        theirs = self._billed_contract(unit=self._available_unit(2), user=self.other_salesperson)
        both = mine | theirs
        with freeze_time(SIGNED_ON + timedelta(days=10)):
            self.assertEqual(self._arrears(both, self.salesperson).contract_id, mine)
            self.assertEqual(self._arrears(both, self.other_salesperson).contract_id, theirs)
            for user in (self.manager, self.finance, self.executive):
                self.assertEqual(self._arrears(both, user).contract_id, both, user.login)
            self.assertFalse(self._arrears(both, self.user_company_b), "another company's user sees none")

    def test_screens_open_for_every_role(self):
        """Each role reads the lists of arrears, late fees and reminders with the fields its views show."""
        contract = self._billed_contract()
        with freeze_time(date(2026, 3, 1)):
            contract.with_user(self.finance).action_bill_late_fees()
            self.env["realty.dunning.log"].sudo()._cron_send_reminders()
            screens = {
                "realty.report.arrears": ["list", "pivot", "graph", "search"],
                "realty.late.fee": ["list", "form", "search"],
                "realty.dunning.log": ["list", "search"],
                "realty.dunning.level": ["list"],
            }
            for user in (self.salesperson, self.manager, self.finance, self.executive):
                for model, view_types in screens.items():
                    with self.subTest(user=user.login, model=model):
                        Model = self.env[model].with_user(user)
                        views = Model.get_views([(False, view_type) for view_type in view_types])
                        rows = Model.search_read([], list(views["models"][model]["fields"]))
                        self.assertTrue(rows, "the contract's rows are seen")
                contract.with_user(user).get_views([(False, "form")])
                contract.with_user(user).read(["late_fee_count", "amount_overdue"])
