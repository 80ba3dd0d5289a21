from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .payables_common import RealtyPayablesCase


@tagged("post_install", "-at_install")
class TestMortgage(RealtyPayablesCase):
    def _loan_contract(self):
        """2,000,000: deposit 50,000, down payment 585,000 now, bank loan 1,365,000 in three months."""
        contract = self._signed_contract(payment_plan_id=self.plan_loan.id).with_env(self.env)
        self.assertEqual(contract.installment_ids.mapped("kind"), ["deposit", "down_payment", "loan"])
        return contract

    def _disburse(self, mortgage, amount=None, user=None):
        action = mortgage.with_user(user or self.finance).action_register_disbursement()
        wizard = (
            self.env["realty.payment.receive"]
            .with_user(user or self.finance)
            .with_context(action["context"])
            .create({} if amount is None else {"amount": amount})
        )
        return self.env["account.payment"].browse(wizard.action_confirm()["res_id"])

    def test_signing_starts_the_mortgage(self):
        contract = self._loan_contract()
        mortgage = contract.mortgage_id
        self.assertEqual(mortgage.stage, "collecting")
        self.assertEqual(mortgage.date_collecting, fields.Date.context_today(mortgage))
        self.assertEqual((mortgage.loan_kind, mortgage.loan_amount), ("commercial", 1365000.0))
        self.assertEqual(contract.mortgage_stage, "collecting")
        plain = self._signed_contract(unit=self._available_unit(), payment_plan_id=self.plan_installment.id)
        self.assertFalse(plain.mortgage_id, "no loan installment, no mortgage")

    def test_each_stage_is_dated(self):
        mortgage = self._loan_contract().mortgage_id.with_user(self.finance)
        mortgage.write({"lender_id": self.bank.id, "loan_kind": "combined"})
        today = fields.Date.context_today(mortgage)
        with freeze_time(today + timedelta(days=3)):
            mortgage.action_submit()
        with freeze_time(today + timedelta(days=10)):
            mortgage.action_approve()
        self.assertEqual(mortgage.stage, "approved")
        self.assertEqual(mortgage.date_submitted, today + timedelta(days=3))
        self.assertEqual(mortgage.date_approved, today + timedelta(days=10))
        self.assertEqual(mortgage.date_stage, today + timedelta(days=10))
        with self.assertRaisesRegex(UserError, "Collecting Documents"):
            mortgage.action_submit()

    def test_disbursement_pays_the_loan_installment(self):
        contract = self._loan_contract()
        deposit, down_payment, loan = contract.installment_ids
        self.env["realty.installment"]._cron_bill_due_installments()
        self.assertEqual(loan.billing_state, "pending", "the loan falls due in three months: not billed yet")
        mortgage = contract.mortgage_id.with_user(self.finance)
        mortgage.write({"lender_id": self.bank.id})
        mortgage.action_submit()
        mortgage.action_approve()
        self.assertEqual(mortgage.loan_open, 1365000.0)

        payment = self._disburse(mortgage)

        self.assertEqual((payment.amount, payment.realty_method), (1365000.0, "mortgage"))
        self.assertEqual(payment.partner_id, contract.partner_id)
        self.assertEqual(loan.billing_state, "paid", "the loan installment was billed, then paid by the bank")
        self.assertEqual((deposit.billing_state, down_payment.billing_state), ("invoiced", "invoiced"))
        self.assertEqual(mortgage.stage, "disbursed")
        self.assertEqual(mortgage.date_disbursed, payment.date)
        self.assertEqual(mortgage.payment_id, payment)
        self.assertEqual(contract.mortgage_stage, "disbursed")
        self.assertEqual(contract.amount_paid, 1365000.0)

    def test_disbursement_surplus_pays_the_oldest_installments(self):
        contract = self._loan_contract()
        self.env["realty.installment"]._cron_bill_due_installments()
        mortgage = contract.mortgage_id.with_user(self.finance)
        mortgage.action_submit()
        mortgage.action_approve()
        self._disburse(mortgage, amount=1365000.0 + 50000.0)
        self.assertEqual(contract.installment_ids.mapped("billing_state"), ["paid", "invoiced", "paid"])

    def test_disbursement_needs_the_approval(self):
        mortgage = self._loan_contract().mortgage_id
        with self.assertRaisesRegex(UserError, "Approved"):
            mortgage.with_user(self.finance).action_register_disbursement()
        wizard = (
            self.env["realty.payment.receive"]
            .with_user(self.finance)
            .with_context(default_contract_id=mortgage.contract_id.id, default_mortgage_id=mortgage.id)
            .create({"amount": 1365000.0, "method": "mortgage"})
        )
        with self.assertRaisesRegex(UserError, "Approved"):
            wizard.action_confirm()
        self.assertFalse(mortgage.contract_id.payment_ids)

    def test_stalled_stage_gets_one_activity_per_stage(self):
        contract = self._loan_contract()
        mortgage = contract.mortgage_id
        Mortgage = self.env["realty.mortgage"]
        today = fields.Date.context_today(mortgage)
        self.company.realty_mortgage_stall_days = 10

        with freeze_time(today + timedelta(days=9)):
            Mortgage._cron_remind_stalled()
        self.assertFalse(contract.activity_ids, "9 days: not stalled yet")
        with freeze_time(today + timedelta(days=10)):
            Mortgage._cron_remind_stalled()
            Mortgage._cron_remind_stalled()
        self.assertEqual(len(contract.activity_ids), 1, "one activity for the stage, however often the cron runs")
        activity = contract.activity_ids
        self.assertEqual(activity.user_id, self.salesperson)
        self.assertIn("Collecting Documents", activity.summary)

        with freeze_time(today + timedelta(days=12)):
            mortgage.with_user(self.finance).action_submit()
        with freeze_time(today + timedelta(days=30)):
            Mortgage._cron_remind_stalled()
        self.assertEqual(len(contract.activity_ids), 2, "the next stage stalled too")
        self.assertIn("Submitted", contract.activity_ids.sorted("id")[-1].summary)

    def test_finance_starts_a_mortgage_for_a_contract_without_one(self):
        contract = self._signed_contract(payment_plan_id=self.plan_installment.id).with_env(self.env)
        self.assertFalse(contract.mortgage_id)
        contract.with_user(self.finance).action_open_mortgage()
        self.assertEqual(contract.mortgage_id.stage, "collecting")
