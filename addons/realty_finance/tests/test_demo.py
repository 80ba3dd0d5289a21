from unittest import SkipTest

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestFinanceDemo(TransactionCase):
    """The demo database (`make run`, and `make test`'s database: both install demo data) has a contract in every
    finance situation, made by realty.demo._realty_finance_demo() when the addon is installed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env.ref("realty_finance.demo_reservation_chen", raise_if_not_found=False):
            raise SkipTest("installed without demo data")

    def _contract(self, xml_id):
        reservation = self.env.ref(xml_id)
        contract = reservation.contract_ids.filtered(lambda contract: contract.state != "cancelled")
        self.assertEqual(len(contract), 1, f"{xml_id} has one contract")
        return contract

    def _overdue_contracts(self):
        return {
            bucket: self._contract(f"realty_finance.demo_reservation_{name}")
            for bucket, name in (("1_30", "chen"), ("31_60", "lin"), ("61_90", "he"), ("over_90", "guo"))
        }

    def test_paid_up(self):
        contract = self._contract("realty_contract.demo_reservation_wu")
        self.assertEqual(contract.state, "delivered")
        self.assertEqual(set(contract.installment_ids.mapped("billing_state")), {"paid"})
        self.assertEqual(contract.amount_paid, contract.price)
        self.assertFalse(contract.amount_residual)
        payments = contract.payment_ids | contract.reservation_id.deposit_payment_ids
        self.assertEqual(len(payments), len(contract.installment_ids), "the deposit and one payment per installment")
        self.assertTrue(all(payments.mapped("realty_receipt_number")), "each payment has its receipt")
        self.assertTrue(all(move.invoice_date <= move.invoice_date_due for move in contract.invoice_ids))

    def test_current(self):
        contract = self._contract("realty_contract.demo_reservation_sun")
        self.assertEqual(set(contract.installment_ids.mapped("billing_state")), {"paid", "invoiced"})
        self.assertTrue(contract.amount_residual)
        self.assertFalse(contract.amount_overdue)
        self.assertFalse(self.env["realty.report.arrears"].search_count([("contract_id", "=", contract.id)]))

    def test_one_overdue_contract_per_aging_bucket(self):
        overdue = self._overdue_contracts()
        contracts = self.env["realty.contract"].union(*overdue.values())
        rows = self.env["realty.report.arrears"]._read_group(
            [("contract_id", "in", contracts.ids)], ["aging_bucket", "contract_id"], ["__count"]
        )
        found = {(bucket, contract): count for bucket, contract, count in rows}
        self.assertEqual(found, dict.fromkeys(overdue.items(), 1))
        self.assertEqual(overdue["31_60"].installment_ids[1].billing_state, "partial", "paid in part")
        for contract in contracts:
            self.assertTrue(all(move.invoice_date <= move.invoice_date_due for move in contract.invoice_ids))

    def test_late_fee_billed_once(self):
        contract = self._overdue_contracts()["over_90"]
        self.assertEqual(len(contract.late_fee_ids), 1)
        self.assertEqual(contract.late_fee_ids.move_id.state, "posted")
        self.assertTrue(contract.late_fee_ids.amount)

    def test_reminders_sent_once(self):
        Log = self.env["realty.dunning.log"]
        for contract in self._overdue_contracts().values():
            logs = Log.search([("contract_id", "=", contract.id)])
            self.assertEqual(len(logs), 1, f"{contract.name}: one reminder, the last level reached")
            self.assertTrue(logs.emailed and logs.mail_id)
        self.assertFalse(Log._cron_send_reminders(), "the same day's run sends nothing new")

    def test_deposit_received_as_advance(self):
        reservation = self.env.ref("realty_sales.demo_reservation_wang")
        self.assertEqual(reservation.state, "confirmed")
        self.assertEqual(reservation.deposit_received, reservation.deposit_amount)
        payment = reservation.deposit_payment_ids
        self.assertTrue(payment.realty_receipt_number)
        receivable = payment.move_id.line_ids.filtered(lambda line: line.account_type == "asset_receivable")
        self.assertFalse(receivable.reconciled, "no invoice yet: the money waits as the customer's credit")

    def test_mortgage_in_progress(self):
        mortgage = self._contract("realty_contract.demo_reservation_zhou").mortgage_id
        self.assertIn(mortgage.stage, ("submitted", "approved"))
        self.assertTrue(mortgage.lender_id)
        self.assertTrue(mortgage.loan_open, "the loan installment waits for the disbursement")

    def test_terminated_and_refunded(self):
        contract = self._contract("realty_finance.demo_reservation_ma")
        self.assertEqual(contract.state, "terminated")
        refund = contract.refund_ids
        self.assertEqual(len(refund), 1)
        self.assertEqual(refund.amount_forfeit, contract.deposit_amount, "the project keeps the deposit")
        self.assertTrue(refund.credit_note_ids)
        self.assertEqual(refund.payment_id.amount, refund.amount_refund)
        self.assertEqual(refund.payment_id.payment_type, "outbound")

    def test_agency_commission_billed(self):
        contract = self._contract("realty_finance.demo_reservation_luo")
        self.assertEqual(contract.agency_id, self.env.ref("realty_finance.demo_agency_anjia"))
        billed = contract.commission_ids.filtered(lambda commission: commission.state == "billed")
        self.assertEqual(len(billed), 1)
        self.assertEqual(billed.bill_id.move_type, "in_invoice")
        self.assertEqual(billed.bill_id.partner_id, contract.agency_id)
        self.assertEqual(sorted(contract.commission_ids.mapped("state")), ["billed", "pending"], "fully paid: not yet")

    def test_receipt(self):
        payment = self._contract("realty_contract.demo_reservation_wu").payment_ids.sorted("date")[-1]
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "realty_finance.report_payment_receipt", payment.ids
        )
        self.assertIn(payment.realty_receipt_number, html.decode())
        self.assertIn(payment.partner_id.name, html.decode())
