import shutil
import subprocess
import unittest

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tools.safe_eval import safe_eval

from .common import RealtySalesCase
from odoo.addons.realty_base.tools import amount_to_chinese_upper

AGREEMENT = "realty_sales.realty_reservation_report_agreement"
RECEIPT = "realty_sales.realty_reservation_report_deposit_receipt"


@tagged("post_install", "-at_install")
class TestReservationReports(HttpCase, RealtySalesCase):
    """The 认购书 and the 定金收据 a salesperson prints for the buyer of a confirmed reservation.

    An HttpCase because wkhtmltopdf fetches the report assets from the running server (without one it writes a
    blank PDF). Real PDFs are slow: one test renders both documents; the others read the HTML rendering.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cny = cls.env.ref("base.CNY")
        cls._set_company_currency(cls.cny)  # not left to the demo data
        cls.customer.write({"phone": "+86 138 0013 8000", "vat": "110101199001011234"})
        cls.reservation = cls._confirmed_reservation()

    @classmethod
    def _confirmed_reservation(cls):
        reservation = (
            cls.env["realty.reservation"]
            .with_user(cls.salesperson)
            .create(
                {
                    "unit_id": cls.unit.id,
                    "partner_id": cls.customer.id,
                    "payment_plan_id": cls.plan_full.id,
                    "discount": 0.5,
                    "deposit_amount": 12345.60,
                }
            )
        )
        reservation.action_confirm()
        return reservation

    def _report(self, user=None):
        return self.env["ir.actions.report"].with_user(user or self.salesperson)

    def _html(self, report_ref, reservation, user=None):
        html, _report_type = self._report(user)._render_qweb_html(report_ref, reservation.ids)
        return html.decode()

    def _pdf_text(self, report_ref, reservation):
        pdf, report_type = (
            self._report().with_context(force_report_rendering=True)._render_qweb_pdf(report_ref, reservation.ids)
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode()
        return " ".join(text.split())  # table cells may wrap: compare on single spaces

    def test_pdfs_show_the_unit_and_the_amounts_in_chinese_capitals(self):
        if not (shutil.which("wkhtmltopdf") and shutil.which("pdftotext")):
            raise unittest.SkipTest("needs wkhtmltopdf and pdftotext (poppler-utils)")
        reservation = self.reservation
        self.assertEqual(reservation.state, "confirmed")
        price_words = amount_to_chinese_upper(reservation.price)

        agreement = self._pdf_text(AGREEMENT, reservation)
        for expected in (
            reservation.name,
            "1-1201",
            "Chen Jie",
            "110101199001011234",
            price_words,
            "壹万贰仟叁佰肆拾伍元陆角",
        ):
            self.assertIn(expected, agreement)

        receipt = self._pdf_text(RECEIPT, reservation)
        for expected in (reservation.name, "1-1201", "Chen Jie", "12,345.60", "壹万贰仟叁佰肆拾伍元陆角"):
            self.assertIn(expected, receipt)
        self.assertNotIn(price_words, receipt)  # a deposit receipt states the deposit, not the price
        radicals = [char for char in agreement + receipt if "\u2e80" <= char <= "\u2fdf"]
        self.assertFalse(radicals, "Chinese text must extract as ideographs (角), not radicals (⻆)")

    def test_agreement_states_price_schedule_and_hold(self):
        reservation = self.reservation
        html = self._html(AGREEMENT, reservation)
        self.assertEqual(reservation.price, 1_950_200.0)  # 2,000,000 − 2 % plan − 0.5 % extra
        self.assertIn("壹佰玖拾伍万零贰佰元整", html)
        self.assertIn("Full payment", html)  # the plan, and its one payment of the whole price
        self.assertIn("Payment 0", html)
        self.assertIn("1,950,200.00", html)
        self.assertIn("12,345.60 converts into part of the price", html)
        self.assertIn("the hold expires", html)
        self.assertIn("+86 138 0013 8000", html)

    def test_other_currencies_keep_odoo_amount_in_words(self):
        self._set_company_currency(self.env.ref("base.USD"))
        html = self._html(RECEIPT, self.reservation)
        self.assertIn("Twelve Thousand", html)
        self.assertNotIn("壹万", html)  # 元角分 belong to yuan only

    def test_print_menu_offers_the_documents_of_live_reservations_only(self):
        draft = self._reservation(unit=self._released_unit())
        reports = self.env.ref(AGREEMENT) | self.env.ref(RECEIPT)
        as_salesperson = reports.with_user(self.salesperson)
        self.assertEqual(
            set(as_salesperson.get_valid_action_reports("realty.reservation", self.reservation.ids)), set(reports.ids)
        )
        self.assertFalse(as_salesperson.get_valid_action_reports("realty.reservation", draft.ids))

    def test_printed_files_are_named_after_the_document_and_the_reservation(self):
        names = {
            ref: safe_eval(self.env.ref(ref).print_report_name, {"object": self.reservation})
            for ref in (AGREEMENT, RECEIPT)
        }
        self.assertEqual(
            names,
            {
                AGREEMENT: f"Reservation Agreement - {self.reservation.name}",
                RECEIPT: f"Deposit Receipt - {self.reservation.name}",
            },
        )

    def test_draft_and_cancelled_reservations_are_refused(self):
        draft = self._reservation(unit=self._released_unit())
        for report_ref in (AGREEMENT, RECEIPT):
            with (
                self.subTest(report=report_ref),
                self.assertRaisesRegex(UserError, r"is Draft: .* once it is confirmed"),
            ):
                self._html(report_ref, draft)
        self.reservation.with_user(self.salesperson).action_cancel()
        with self.assertRaisesRegex(UserError, "is Cancelled"):
            self._html(RECEIPT, self.reservation)

    def _released_unit(self):
        unit = self._create_unit(12, 2)
        unit.action_release()
        return unit
