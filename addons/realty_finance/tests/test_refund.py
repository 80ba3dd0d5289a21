import psycopg2

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .payables_common import RealtyPayablesCase


@tagged("post_install", "-at_install")
class TestRefund(RealtyPayablesCase):
    def _terminated_contract(self, paid=300000.0):
        """Deposit 50,000 received, deposit and first installment (780,000) billed, ``paid`` of it received."""
        contract = self._contract_with_deposit(payment_plan_id=self.plan_installment.id)
        self.env["realty.installment"]._cron_bill_due_installments()
        if paid:
            self._receive(contract, paid)
        self._terminate(contract)
        return contract

    def _all_moves(self, contract):
        payments = contract.payment_ids | contract.reservation_id.deposit_payment_ids
        return contract.invoice_ids | payments.move_id

    def test_termination_keeps_the_deposit_and_refunds_the_rest(self):
        contract = self._terminated_contract()
        self.assertEqual(self.project.realty_forfeit_policy, "deposit", "the deposit (定金) is kept by default")
        self.assertEqual(
            (contract.amount_received, contract.amount_forfeit, contract.amount_refund_due),
            (350000.0, 50000.0, 300000.0),
        )
        invoices = contract.invoice_ids

        contract.with_user(self.finance).action_refund()

        refund = contract.refund_ids
        self.assertEqual(
            (refund.amount_received, refund.amount_forfeit, refund.amount_refund), (350000.0, 50000.0, 300000.0)
        )
        self.assertEqual(set(invoices.mapped("payment_state")), {"reversed"}, "credit notes cancel every invoice")
        self.assertEqual(len(refund.credit_note_ids), 2)
        self.assertEqual(set(refund.credit_note_ids.mapped("move_type")), {"out_refund"})
        kept = refund.forfeit_move_id
        self.assertEqual((kept.move_type, kept.amount_total, kept.payment_state), ("out_invoice", 50000.0, "paid"))
        payment = refund.payment_id
        self.assertEqual((payment.payment_type, payment.partner_type), ("outbound", "customer"))
        self.assertEqual((payment.amount, payment.partner_id), (300000.0, contract.partner_id))
        self.assertFalse(self._open_receivables(self._all_moves(contract)), "the buyer's account is settled")

        contract.invalidate_recordset()
        self.assertTrue(contract.is_refunded)
        self.assertEqual((contract.amount_received, contract.amount_refund_due), (50000.0, 0.0))
        self.assertIn("300,000.00 refunded", contract.message_ids[0].body)
        billed = contract.installment_ids.filtered("move_id")
        self.assertEqual(set(billed.mapped("billing_state")), {"reversed"}, "credited installments are not paid")
        self.assertEqual((contract.amount_paid, contract.amount_residual, contract.amount_invoiced), (0.0, 0.0, 0.0))

    def test_refund_is_made_once(self):
        contract = self._terminated_contract()
        contract.with_user(self.finance).action_refund()
        with self.assertRaisesRegex(UserError, "already been refunded"):
            contract.with_user(self.finance).action_refund()
        self.assertEqual(len(contract.refund_ids), 1)
        self.assertEqual(len(contract.payment_ids.filtered(lambda p: p.payment_type == "outbound")), 1)

        # even code that skips the action's lock cannot settle the contract twice
        values = contract._prepare_refund_values(0.0, 0.0)
        with self.assertRaises(psycopg2.errors.UniqueViolation), self.cr.savepoint(), mute_logger("odoo.sql_db"):
            self.env["realty.refund"]._action_env().create(values)
            self.env.flush_all()

    def test_percent_policy_keeps_a_share_of_the_price(self):
        self.project.write({"realty_forfeit_policy": "percent", "realty_forfeit_percent": 10.0})
        contract = self._terminated_contract()
        self.assertEqual((contract.amount_forfeit, contract.amount_refund_due), (200000.0, 150000.0))
        contract.with_user(self.finance).action_refund()
        refund = contract.refund_ids
        self.assertEqual((refund.forfeit_policy, refund.forfeit_move_id.amount_total), ("percent", 200000.0))
        self.assertEqual(refund.payment_id.amount, 150000.0)
        self.assertFalse(self._open_receivables(self._all_moves(contract)))

    def test_what_is_kept_never_exceeds_what_was_received(self):
        self.project.write({"realty_forfeit_policy": "percent", "realty_forfeit_percent": 10.0})
        contract = self._terminated_contract(paid=0.0)
        contract.with_user(self.finance).action_refund()
        refund = contract.refund_ids
        self.assertEqual((refund.amount_received, refund.amount_forfeit, refund.amount_refund), (50000.0, 50000.0, 0.0))
        self.assertFalse(refund.payment_id, "nothing to pay back")
        self.assertEqual(len(refund.credit_note_ids), 2, "the unpaid first installment is credited too")
        self.assertFalse(self._open_receivables(self._all_moves(contract)))

    def test_nothing_kept_refunds_an_unapplied_deposit(self):
        self.project.realty_forfeit_policy = "none"
        contract = self._contract_with_deposit(payment_plan_id=self.plan_installment.id)
        self._terminate(contract)  # before any invoice: the deposit is still an advance receipt
        contract.with_user(self.finance).action_refund()
        refund = contract.refund_ids
        self.assertFalse(refund.credit_note_ids or refund.forfeit_move_id)
        self.assertEqual(refund.payment_id.amount, 50000.0)
        self.assertFalse(self._open_receivables(self._all_moves(contract)))

    def test_only_terminated_contracts_are_refunded_by_finance(self):
        contract = self._contract_with_deposit(payment_plan_id=self.plan_installment.id)
        with self.assertRaisesRegex(UserError, "Terminated"):
            contract.with_user(self.finance).action_refund()
        self._terminate(contract)
        with self.assertRaises(AccessError):
            contract.with_user(self.salesperson).action_refund()
        self.assertFalse(contract.refund_ids)
        own = contract.with_user(self.salesperson)
        self.assertEqual(own.amount_refund_due, 0.0, "the deposit is kept: nothing to pay back")
        self.assertEqual(own.amount_received, 50000.0)

    def test_cancelled_reservation_keeps_its_deposit_by_default(self):
        reservation = self._confirmed_reservation(payment_plan_id=self.plan_installment.id).with_env(self.env)
        self._receive(reservation, 50000.0)
        reservation.with_user(self.salesperson).action_cancel()
        self.assertEqual((reservation.amount_forfeit, reservation.amount_refund_due), (50000.0, 0.0))

        reservation.with_user(self.finance).action_refund_deposit()
        refund = reservation.refund_ids
        self.assertEqual((refund.amount_forfeit, refund.amount_refund), (50000.0, 0.0))
        self.assertEqual(refund.forfeit_move_id.payment_state, "paid", "the deposit pays what is kept")
        self.assertFalse(refund.payment_id)

    def test_cancelled_reservation_deposit_refunded_once(self):
        self.project.realty_forfeit_policy = "none"
        reservation = self._confirmed_reservation(payment_plan_id=self.plan_installment.id).with_env(self.env)
        deposit = self._receive(reservation, 50000.0)
        reservation.with_user(self.salesperson).action_cancel()
        self.assertEqual(reservation.amount_refund_due, 50000.0)
        with self.assertRaises(AccessError):
            reservation.with_user(self.salesperson).action_refund_deposit()

        reservation.with_user(self.finance).action_refund_deposit()
        payment = reservation.refund_ids.payment_id
        self.assertEqual((payment.payment_type, payment.amount), ("outbound", 50000.0))
        self.assertEqual(payment.realty_reservation_id, reservation)
        self.assertFalse(self._open_receivables(deposit.move_id | payment.move_id))
        self.assertEqual(reservation.amount_refund_due, 0.0)
        with self.assertRaisesRegex(UserError, "already been refunded"):
            reservation.with_user(self.finance).action_refund_deposit()
        with self.assertRaisesRegex(UserError, "settled"):
            reservation.with_user(self.salesperson).action_reset_to_draft()

    def test_deposit_of_a_contract_is_refunded_with_the_contract(self):
        contract = self._contract_with_deposit(payment_plan_id=self.plan_installment.id)
        self._terminate(contract)
        reservation = contract.reservation_id
        self.assertEqual(reservation.state, "cancelled")
        self.assertEqual(reservation.amount_refund_due, 0.0)
        with self.assertRaisesRegex(UserError, "refund the contract instead"):
            reservation.with_user(self.finance).action_refund_deposit()
