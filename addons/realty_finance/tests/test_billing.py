from datetime import timedelta

import psycopg2
from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import RealtyFinanceCase


@tagged("post_install", "-at_install")
class TestBilling(RealtyFinanceCase):
    def test_cron_bills_what_falls_due_once(self):
        contract = self._signed_installment_contract()
        deposit, first, second, third = contract.installment_ids
        self.env["realty.installment"]._cron_bill_due_installments()

        self.assertTrue(deposit.move_id and first.move_id, "due within 15 days: billed")
        self.assertFalse(second.move_id or third.move_id, "due in 3 and 6 months: not yet")
        invoice = first.move_id
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.move_type, "out_invoice")
        self.assertEqual(invoice.partner_id, contract.partner_id)
        self.assertEqual(invoice.amount_total, first.amount)
        self.assertEqual(invoice.invoice_date_due, first.date_due)
        self.assertIn(contract.name, invoice.invoice_line_ids.name)
        self.assertIn(contract.unit_id.display_name, invoice.invoice_line_ids.name)
        self.assertEqual(first.billing_state, "invoiced")
        self.assertEqual(first.amount_residual, first.amount)

        self.env["realty.installment"]._cron_bill_due_installments()
        self.assertEqual(len(contract.invoice_ids), 2, "a second run bills nothing new")

    def test_lead_days_follow_the_company_setting(self):
        contract = self._signed_installment_contract()
        second = contract.installment_ids[2]
        self.company.realty_invoice_lead_days = (second.date_due - fields.Date.context_today(contract)).days
        self.env["realty.installment"]._cron_bill_due_installments()
        self.assertTrue(second.move_id, "the second installment falls within the longer lead time")
        self.assertFalse(contract.installment_ids[3].move_id)

    def test_button_bills_due_installments_as_finance_only(self):
        contract = self._signed_installment_contract()
        with self.assertRaises(AccessError):
            contract.with_user(self.salesperson).action_bill_installments()
        self.assertFalse(contract.invoice_ids)

        contract.with_user(self.finance).action_bill_installments()
        self.assertEqual(len(contract.invoice_ids), 2)
        with self.assertRaisesRegex(UserError, "Nothing is due"):
            contract.with_user(self.finance).action_bill_installments()

    def test_draft_and_terminated_contracts_are_not_billed(self):
        draft = self._draft_contract().with_env(self.env)
        terminated = self._signed_installment_contract(unit=self._available_unit())
        terminated.termination_reason = "Buyer withdrew"
        terminated.with_user(self.manager).action_terminate()
        self.env["realty.installment"]._cron_bill_due_installments()
        self.assertFalse(draft.invoice_ids or terminated.invoice_ids)

    def test_installment_billed_once_by_the_database(self):
        """Even code that skips the row lock cannot give an installment a second live invoice."""
        contract = self._signed_installment_contract()
        first = contract.installment_ids[1]
        first._bill()
        duplicate = first._prepare_invoice_values()
        with self.assertRaises(psycopg2.errors.UniqueViolation), self.cr.savepoint(), mute_logger("odoo.sql_db"):
            first._action_env().env["account.move"].create(duplicate)  # past the Python guard, as billing itself
            self.env.flush_all()

    def test_nobody_links_an_invoice_to_an_installment_by_hand(self):
        """A finance user's create or write over RPC cannot mark an installment billed with an invoice of theirs."""
        contract = self._signed_installment_contract()
        first = contract.installment_ids[1]
        values = first._prepare_invoice_values()
        Move = self.env["account.move"].with_user(self.finance)
        with self.assertRaisesRegex(UserError, "billed from its contract"):
            Move.create(values)
        values.pop("realty_installment_id")
        invoice = Move.create(values)
        with self.assertRaisesRegex(UserError, "billed from its contract"):
            invoice.write({"realty_installment_id": first.id})
        self.assertFalse(first.move_id)
        self.assertEqual(first.billing_state, "pending")

    def test_cancelled_invoice_can_be_billed_again(self):
        contract = self._signed_installment_contract()
        first = contract.installment_ids[1]
        invoice = first._bill()
        invoice.button_draft()
        invoice.button_cancel()
        self.assertFalse(first.move_id)
        self.assertEqual(first.billing_state, "pending")
        again = first._bill()
        self.assertTrue(again)
        self.assertEqual(first.move_id, again)

    def _available_unit(self):
        unit = self._create_unit(12, 2)
        unit.action_release()
        return unit

    def test_overdue_days_and_bucket(self):
        contract = self._signed_installment_contract()
        first = contract.installment_ids[1]
        first._bill()
        for days, bucket in ((0, "current"), (1, "1_30"), (30, "1_30"), (45, "31_60"), (61, "61_90"), (91, "over_90")):
            with freeze_time(first.date_due + timedelta(days=days)):
                first.invalidate_recordset(["days_overdue", "aging_bucket"])
                self.assertEqual((first.days_overdue, first.aging_bucket), (days, bucket))
