from odoo.tests import tagged

from .common import RealtyFinanceCase


@tagged("post_install", "-at_install")
class TestRebilling(RealtyFinanceCase):
    """A price or plan amendment re-bills only what nothing has been paid on; posted invoices of the replaced
    installments are reversed by credit notes."""

    def _approved_price_change(self, contract, new_price):
        amendment = (
            self.env["realty.contract.amendment"]
            .with_user(self.salesperson)
            .create({"contract_id": contract.id, "kind": "price_plan", "reason": "Agreed", "new_price": new_price})
        )
        amendment.action_submit()
        amendment.with_user(self.manager).action_approve()
        self.assertEqual(amendment.state, "applied")

    def test_invoiced_unpaid_installment_is_credited_and_replaced(self):
        contract = self._signed_installment_contract()
        self.env["realty.installment"]._cron_bill_due_installments()
        deposit, first = contract.installment_ids[:2]
        first_invoice = first.move_id
        self._receive(contract, 50000.0)  # the deposit only
        self.assertEqual(deposit.billing_state, "paid")

        self._approved_price_change(contract, 1_900_000.0)

        self.assertFalse(first.exists(), "the unpaid installment is replaced")
        self.assertIn(deposit, contract.installment_ids, "the paid deposit stays")
        self.assertEqual(first_invoice.payment_state, "reversed")
        credit_note = contract.invoice_ids.filtered(lambda move: move.move_type == "out_refund")
        self.assertEqual(credit_note.amount_total, 780000.0)
        self.assertEqual(credit_note.reversed_entry_id, first_invoice)
        lines = contract.installment_ids
        self.assertAlmostEqual(sum(lines.mapped("amount")), 1_900_000.0, places=2)
        self.assertEqual((lines - deposit).mapped("billing_state"), ["pending"] * 3)

        self.env["realty.installment"]._cron_bill_due_installments()
        new_first = lines[1]
        self.assertEqual(new_first.billing_state, "invoiced", "the new first installment is billed again")
        self.assertEqual(new_first.move_id.amount_total, new_first.amount)
        self.assertEqual(contract.amount_residual, new_first.amount)

    def test_partly_paid_installment_is_kept(self):
        contract = self._signed_installment_contract()
        self.env["realty.installment"]._cron_bill_due_installments()
        deposit, first = contract.installment_ids[:2]
        self._receive(contract, 50000.0 + 100000.0)
        self.assertEqual(first.billing_state, "partial")

        self._approved_price_change(contract, 1_900_000.0)

        self.assertTrue(first.exists())
        self.assertEqual(first.amount, 780000.0, "a partly paid installment keeps its amount and invoice")
        self.assertEqual(first.amount_paid, 100000.0)
        self.assertFalse(contract.invoice_ids.filtered(lambda move: move.move_type == "out_refund"))
        rest = contract.installment_ids - deposit - first
        self.assertAlmostEqual(sum(rest.mapped("amount")), 1_900_000.0 - 50000.0 - 780000.0, places=2)
