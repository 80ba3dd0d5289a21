from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import RealtyFinanceCase


@tagged("post_install", "-at_install")
class TestPayments(RealtyFinanceCase):
    def test_deposit_received_pays_the_first_invoice(self):
        reservation = self._confirmed_reservation(payment_plan_id=self.plan_installment.id)
        payment = self._receive(reservation, 50000.0)
        self.assertEqual(payment.realty_reservation_id, reservation)
        self.assertEqual(reservation.deposit_received, 50000.0)

        action = reservation.with_user(self.salesperson).action_create_contract()
        contract = self.env["realty.contract"].browse(action["res_id"])
        contract.buyer_ids.write({"id_number": "11010519491231002X"})
        contract.action_sign()
        self.env["realty.installment"]._cron_bill_due_installments()

        deposit_line = contract.installment_ids[0]
        self.assertEqual(deposit_line.kind, "deposit")
        self.assertEqual(deposit_line.billing_state, "paid", "the advance receipt is applied to the deposit invoice")
        self.assertEqual(contract.amount_paid, 50000.0)
        self.assertEqual(contract.installment_ids[1].billing_state, "invoiced")

    def test_payment_pays_oldest_installments_first(self):
        contract = self._signed_installment_contract()
        self.company.realty_invoice_lead_days = 400  # bill the whole schedule
        self.env["realty.installment"]._cron_bill_due_installments()
        deposit, first, second, third = contract.installment_ids

        self._receive(contract, 50000.0 + 780000.0 + 100000.0)
        self.assertEqual((deposit.billing_state, first.billing_state), ("paid", "paid"))
        self.assertEqual(second.billing_state, "partial")
        self.assertEqual(second.amount_paid, 100000.0)
        self.assertEqual(second.amount_residual, 485000.0)
        self.assertEqual(third.billing_state, "invoiced")
        self.assertEqual(contract.amount_residual, 485000.0 + 585000.0)

    def test_overpayment_stays_as_credit_and_pays_the_next_invoice(self):
        contract = self._signed_installment_contract()
        self.env["realty.installment"]._cron_bill_due_installments()  # deposit + first: 830,000
        payment = self._receive(contract, 900000.0)
        self.assertEqual(contract.installment_ids[1].billing_state, "paid")
        credit = payment.move_id.line_ids.filtered(lambda line: line.account_type == "asset_receivable")
        self.assertAlmostEqual(credit.amount_residual, -70000.0)

        self.company.realty_invoice_lead_days = 400
        self.env["realty.installment"]._cron_bill_due_installments()
        second = contract.installment_ids[2]
        self.assertEqual(second.billing_state, "partial", "the credit is applied when the next invoice is posted")
        self.assertEqual(second.amount_paid, 70000.0)

    def test_received_payment_stays_with_its_document(self):
        """A finance user's direct write (RPC) cannot move a received deposit to another document."""
        reservation = self._confirmed_reservation(payment_plan_id=self.plan_installment.id)
        payment = self._receive(reservation, 50000.0)
        unit = self._create_unit(12, 3)
        unit.action_release()
        other = self._signed_installment_contract(unit=unit)
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            payment.with_user(self.finance).write({"realty_reservation_id": False, "realty_contract_id": other.id})
        self.assertEqual(payment.realty_reservation_id, reservation)
        self.assertFalse(payment.realty_contract_id)

    def test_salesperson_cannot_receive_money(self):
        contract = self._signed_installment_contract()
        with self.assertRaises(AccessError):
            self._receive(contract, 1000.0, user=self.salesperson)

    def test_amount_must_be_positive(self):
        contract = self._signed_installment_contract()
        with self.assertRaisesRegex(UserError, "amount"):
            self._receive(contract, 0.0)
        self.assertFalse(contract.payment_ids)

    def test_salesperson_reads_own_schedule_amounts(self):
        contract = self._signed_installment_contract()
        self.env["realty.installment"]._cron_bill_due_installments()
        self._receive(contract, 50000.0)
        lines = self.env["realty.installment"].with_user(self.salesperson).search([("contract_id", "=", contract.id)])
        self.assertEqual(lines[0].billing_state, "paid")
        self.assertEqual(contract.with_user(self.salesperson).amount_paid, 50000.0)
