from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .common import RealtyFinanceCase
from odoo.addons.realty_base.tests.pdf import pdf_text, skip_without_pdf_tools

RECEIPT = "realty_finance.report_payment_receipt"


@tagged("post_install", "-at_install")
class TestReceipt(HttpCase, RealtyFinanceCase):
    """收据: each payment received for a contract or a reservation is numbered when posted (per company, gapless),
    names its cashier, and prints with its amount in 人民币大写. An HttpCase: wkhtmltopdf fetches the report assets
    from the running server."""

    @classmethod
    def setup_independent_company(cls, **kwargs):
        """The accounting test company keeps its books in yuan."""
        cny = cls.env.ref("base.CNY")
        cny.active = True
        return super().setup_independent_company(currency_id=cny.id, **kwargs)

    def _report(self, user=None):
        return self.env["ir.actions.report"].with_user(user or self.finance)

    def _html(self, payments, user=None):
        return self._report(user)._render_qweb_html(RECEIPT, payments.ids)[0].decode()

    def _pdf(self, payments):
        content, report_type = (
            self._report().with_context(force_report_rendering=True)._render_qweb_pdf(RECEIPT, payments.ids)
        )
        self.assertEqual(report_type, "pdf")
        return pdf_text(content)

    def test_posting_numbers_receipts_and_names_the_cashier(self):
        contract = self._signed_installment_contract()
        first = self._receive(contract, 100000.0, date=date(2026, 3, 2))
        second = self._receive(contract, 20000.0, date=date(2026, 3, 3), method="cash")
        later = self._receive(contract, 30000.0, date=date(2027, 1, 4))
        numbers = (first + second + later).mapped("realty_receipt_number")
        self.assertEqual(numbers, ["SJ2026-00001", "SJ2026-00002", "SJ2027-00003"], "one gapless run per company")
        self.assertEqual(first.realty_cashier_id, self.finance)
        self.assertEqual(first.realty_unit_id, contract.unit_id)
        self.assertEqual(first.realty_project_id, self.project)

        other = self.env["account.payment"]._realty_next_receipt_number(self.company_b, date(2026, 5, 1))
        self.assertEqual(other, "SJ2026-00001", "another company counts its own receipts")

    def test_receipt_number_and_cashier_are_not_typed_in(self):
        payment = self._receive(self._signed_installment_contract(), 1000.0)
        number = payment.realty_receipt_number
        for values in ({"realty_receipt_number": "SJ2026-99999"}, {"realty_cashier_id": self.executive.id}):
            with self.assertRaises(UserError):
                payment.with_user(self.finance).write(values)
        payment.with_user(self.finance).action_draft()
        payment.with_user(self.finance).action_post()
        self.assertEqual(payment.realty_receipt_number, number, "posting again keeps the receipt")

    def test_deposit_receipt_names_the_reservation_and_its_unit(self):
        reservation = self._confirmed_reservation(payment_plan_id=self.plan_installment.id)
        payment = self._receive(reservation, 50000.0, method="bank")
        html = self._html(payment)
        for expected in (
            payment.realty_receipt_number,
            reservation.name,
            reservation.unit_id.name,
            "Chen Jie",
            "Bank Transfer",
            "伍万元整",
            self.finance.name,
        ):
            self.assertIn(expected, html)

    def test_receipt_pdf_holds_number_and_amount_in_chinese_capitals(self):
        skip_without_pdf_tools()
        contract = self._signed_installment_contract()
        payment = self._receive(contract, 100000.0, method="pos")
        action = payment.with_user(self.finance).action_print_realty_receipt()
        self.assertEqual(action["report_name"], RECEIPT)

        text = self._pdf(payment)
        for expected in (
            payment.realty_receipt_number,
            "壹拾万元整",
            "100,000.00",
            contract.name,
            contract.unit_id.name,
            "Chen Jie",
            "POS Card",
            self.finance.name,
            self.company.name,
        ):
            self.assertIn(expected, text)

    def test_several_receipts_print_as_one_pdf(self):
        skip_without_pdf_tools()
        contract = self._signed_installment_contract()
        payments = self._receive(contract, 100000.0) + self._receive(contract, 2345.6)
        text = self._pdf(payments)
        for expected in payments.mapped("realty_receipt_number") + ["壹拾万元整", "贰仟叁佰肆拾伍元陆角"]:
            self.assertIn(expected, text)

    def test_only_standing_realty_payments_have_receipts(self):
        contract = self._signed_installment_contract()
        payment = self._receive(contract, 1000.0)
        payment.with_user(self.finance).action_cancel()
        with self.assertRaisesRegex(UserError, payment.realty_receipt_number):
            self._html(payment)

        plain = self.env["account.payment"].create(
            {"payment_type": "inbound", "partner_type": "customer", "partner_id": self.customer.id, "amount": 10.0}
        )
        plain.action_post()
        self.assertFalse(plain.realty_receipt_number, "money not received for a contract or a reservation")
        with self.assertRaises(UserError):
            plain.action_print_realty_receipt()

    def test_register_payment_on_a_contract_invoice_gives_a_receipt(self):
        contract = self._signed_installment_contract()
        self.env["realty.installment"]._cron_bill_due_installments()
        invoice = contract.installment_ids[0].move_id
        payment = (
            self.env["account.payment.register"]
            .with_user(self.finance)
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"amount": invoice.amount_residual, "journal_id": self.bank_journal.id})
            ._create_payments()
        )
        self.assertEqual(payment.realty_contract_id, contract)
        self.assertEqual(payment.realty_method, "bank")
        self.assertTrue(payment.realty_receipt_number)
        self.assertIn(payment, contract.payment_ids)

    def test_salespeople_see_no_payments_nor_receipts(self):
        """Payments are Odoo accounting records: salespeople have no accounting right, so they see the paid and open
        amounts of their contracts but neither the payments nor their receipts; finance hands the receipt over."""
        contract = self._signed_installment_contract()
        payment = self._receive(contract, 1000.0)
        with self.assertRaises(AccessError):
            self.env["account.payment"].with_user(self.salesperson).search([("realty_contract_id", "=", contract.id)])
        with self.assertRaises(AccessError):
            self._html(payment, user=self.salesperson)
        self.assertIn(payment.realty_receipt_number, self._html(payment, user=self.executive))
