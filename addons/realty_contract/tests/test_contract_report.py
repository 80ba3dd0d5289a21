import hashlib
import io
import logging
import shutil
import subprocess
import time
import unittest

from reportlab.pdfgen import canvas

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tools.pdf import PdfFileReader

from .common import VALID_ID_CARD, RealtyContractCase
from odoo.addons.realty_base.tools import amount_to_chinese_upper

REPORT = "realty_contract.realty_contract_report"

_logger = logging.getLogger(__name__)


def pdf_text(content):
    """The text of a PDF on one line (pdftotext)."""
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()
    return " ".join(text.split())


def skip_without_pdf_tools():
    if not (shutil.which("wkhtmltopdf") and shutil.which("pdftotext")):
        raise unittest.SkipTest("needs wkhtmltopdf and pdftotext (poppler-utils)")


@tagged("post_install", "-at_install")
class TestContractReport(HttpCase, RealtyContractCase):
    """The printed 购房合同, the PDF stored at signing and the public verification page of its QR code.

    An HttpCase: wkhtmltopdf fetches the report assets from the running server. Some tests render real PDFs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cny = cls.env.ref("base.CNY")
        cls._set_company_currency(cls.cny)
        cls.template = cls.env["realty.contract.template"].create(
            {
                "name": "Test Garden clauses",
                "project_id": cls.project.id,
                "body": "Unit {unit} is sold to {buyer} under {contract_no}.\n\n"
                "The price is {price} ({price_words}); {unknown} stays as typed.\n<b>not markup</b>",
            }
        )

    def _report(self, user=None):
        return self.env["ir.actions.report"].with_user(user or self.salesperson)

    def _html(self, contract, user=None):
        return self._report(user)._render_qweb_html(REPORT, contract.ids)[0].decode()

    def _many_contracts(self, count):
        """``count`` draft contracts of the salesperson, one per unit of a new building (2 units a floor)."""
        building = self.env["realty.building"].create({"project_id": self.project.id, "name": "Print", "code": "P"})
        units = building._create_units(
            [
                {
                    "floor": index // 2 + 1,
                    "position": index % 2 + 1,
                    "layout_id": self.layout_2br.id,
                    "gross_area": 100.0,
                    "inner_area": 80.0,
                    "unit_price": 20000.0,
                }
                for index in range(count)
            ]
        )
        units.action_release()
        reservations = self.env["realty.reservation"]
        for unit in units:
            reservations |= self._reservation(unit=unit)
        reservations.action_confirm()
        action = reservations.action_create_contract()
        return self.env["realty.contract"].with_user(self.salesperson).search(action["domain"], order="id")

    def _store_pdf(self, contract, text):
        """Store a one-page PDF saying ``text`` as ``contract``'s current file, as the report does."""
        stream = io.BytesIO()
        pdf = canvas.Canvas(stream)
        pdf.drawString(72, 720, text)
        pdf.save()
        return self.env["ir.attachment"].create(
            {
                "name": contract.contract_pdf_name(),
                "raw": stream.getvalue(),
                "res_model": "realty.contract",
                "res_id": contract.id,
                "type": "binary",
            }
        )

    def test_draft_preview_renders_clauses_safely(self):
        contract = self._draft_contract()
        html = self._html(contract)
        self.assertIn("草稿", html)
        self.assertIn(f"Unit {contract.unit_id.name} is sold to Chen Jie under {contract.name}.", html)
        self.assertIn(amount_to_chinese_upper(contract.price), html)
        self.assertIn("{unknown} stays as typed", html)
        self.assertIn("&lt;b&gt;not markup&lt;/b&gt;", html)
        self.assertIn("data:image/png;base64,", html)  # the QR code of the verification page
        self.assertTrue(contract.access_token)
        self.assertFalse(contract.signed_pdf_id, "a draft preview is never stored")

    def test_signed_contract_shows_parties_unit_and_schedule(self):
        contract = self._signed_contract()
        self.assertEqual(contract.state, "signed")
        html = self._html(contract)
        self.assertNotIn("草稿", html)
        for expected in (VALID_ID_CARD, contract.unit_id.building_id.name, f"{contract.price:,.2f}"):
            self.assertIn(expected, html)

    def test_cancelled_contract_does_not_print(self):
        contract = self._draft_contract()
        contract.action_cancel()
        with self.assertRaises(UserError):
            self._html(contract)

    def test_only_the_administrator_edits_the_clauses_and_each_edit_is_a_version(self):
        with self.assertRaises(AccessError):
            self.template.with_user(self.manager).write({"body": "Nothing."})
        self.assertEqual(self.template.version, 1)
        self.template.with_user(self.admin).write({"body": "Version two."})
        self.assertEqual(self.template.version, 2)
        self.template.with_user(self.admin).write({"name": "Renamed"})
        self.assertEqual(self.template.version, 2, "only the clauses make a new version")

    def test_signing_stores_the_pdf_and_reprints_it_unchanged(self):
        skip_without_pdf_tools()
        contract = self._draft_contract()
        contract.buyer_ids.write({"id_number": VALID_ID_CARD})
        contract.with_context(force_report_rendering=True).action_sign()
        stored = contract.signed_pdf_id
        self.assertTrue(stored, "signing stores the contract PDF")
        signed_bytes = stored.sudo().raw
        self.assertTrue(signed_bytes.startswith(b"%PDF"))
        digest = hashlib.sha256(signed_bytes).hexdigest()
        self.assertIn(digest, contract.message_ids[0].body)

        text = pdf_text(signed_bytes)
        for expected in (contract.name, amount_to_chinese_upper(contract.price), VALID_ID_CARD, "Chen Jie"):
            self.assertIn(expected, text)

        self.template.with_user(self.admin).write({"body": "Completely different clauses."})
        reprinted, report_type = (
            self._report().with_context(force_report_rendering=True)._render_qweb_pdf(REPORT, contract.ids)
        )
        self.assertEqual(report_type, "pdf")
        self.assertEqual(reprinted, signed_bytes, "a signed contract prints the file stored at signing")

    def test_printing_50_contracts_gives_one_pdf(self):
        """The list's Print of 50 contracts on any wkhtmltopdf: one PDF, each contract rendered on its own run
        (drafts, a signed one not stored yet) or its stored file reused as it is, in the order printed."""
        skip_without_pdf_tools()
        contracts = self._many_contracts(50)
        stored, unstored = contracts[:10], contracts[10:12]
        (stored | unstored).buyer_ids.write({"id_number": VALID_ID_CARD})
        (stored | unstored).action_sign()  # tests render HTML: nothing is stored at signing here
        for contract in stored:  # stands for the file stored at signing, which no rendering would give
            self._store_pdf(contract, f"Stored copy of {contract.name}")

        start = time.perf_counter()
        content, report_type = (
            self._report().with_context(force_report_rendering=True)._render_qweb_pdf(REPORT, contracts.ids)
        )
        elapsed = time.perf_counter() - start
        _logger.info("Printed %s contracts (%s stored) as one PDF in %.1f s", len(contracts), len(stored), elapsed)

        self.assertEqual(report_type, "pdf")
        text = pdf_text(content)
        positions = [text.find(contract.name) for contract in contracts]
        self.assertNotIn(-1, positions, "every contract is in the PDF")
        self.assertEqual(positions, sorted(positions), "in the order printed")
        for contract in stored:
            self.assertIn(f"Stored copy of {contract.name}", text)
        self.assertGreaterEqual(len(PdfFileReader(io.BytesIO(content)).pages), len(contracts))
        unstored.invalidate_recordset(["signed_pdf_id"])
        self.assertTrue(all(unstored.mapped("signed_pdf_id")), "a signed contract is stored at its first print")

    def test_verification_page_for_anonymous_visitors(self):
        contract = self._signed_contract()
        token = contract._portal_ensure_token()
        response = self.url_open(f"/realty/contract/verify/{contract.id}?access_token={token}")
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn(contract.name, page)
        self.assertIn(contract.project_id.name, page)
        self.assertIn("C*******", page)  # Chen Jie
        self.assertNotIn("Chen Jie", page)
        self.assertNotIn(VALID_ID_CARD, page)
        self.assertNotIn(f"{contract.price:,.0f}", page)
        self.assertNotIn(amount_to_chinese_upper(contract.price), page)

        for url in (
            f"/realty/contract/verify/{contract.id}?access_token=wrong-{token}",
            f"/realty/contract/verify/{contract.id}",
            f"/realty/contract/verify/{contract.id + 1000}?access_token={token}",
        ):
            self.assertEqual(self.url_open(url).status_code, 404, url)

    def test_an_applied_amendment_names_a_new_file(self):
        contract = self._signed_contract()
        self.assertEqual(contract.contract_pdf_name(), f"{contract.name}.pdf")
        amendment = (
            self.env["realty.contract.amendment"]
            .with_user(self.salesperson)
            .create({"contract_id": contract.id, "kind": "price_plan", "reason": "Discount", "new_price": 1_900_000.0})
        )
        amendment.action_submit()
        self.assertEqual(contract.contract_pdf_name(), f"{contract.name}.pdf", "not applied yet")
        amendment.with_user(self.manager).action_approve()
        self.assertEqual(contract.contract_pdf_name(), f"{contract.name}-1.pdf")
        self.assertIn("1,900,000.00", self._html(contract))

    def test_an_applied_amendment_stores_and_fingerprints_the_new_terms(self):
        skip_without_pdf_tools()
        contract = self._draft_contract()
        contract.buyer_ids.write({"id_number": VALID_ID_CARD})
        contract.with_context(force_report_rendering=True).action_sign()
        signed = contract.signed_pdf_id
        signed_bytes = signed.sudo().raw
        amendment = (
            self.env["realty.contract.amendment"]
            .with_user(self.salesperson)
            .create({"contract_id": contract.id, "kind": "price_plan", "reason": "Discount", "new_price": 1_900_000.0})
        )
        amendment.action_submit()
        amendment.with_user(self.manager).with_context(force_report_rendering=True).action_approve()

        contract.invalidate_recordset(["signed_pdf_id"])
        amended = contract.signed_pdf_id
        self.assertEqual(amended.name, f"{contract.name}-1.pdf")
        self.assertNotEqual(amended, signed)
        self.assertEqual(signed.sudo().raw, signed_bytes, "the file signed stays as it was")
        amended_bytes = amended.sudo().raw
        digest = hashlib.sha256(amended_bytes).hexdigest()
        self.assertNotEqual(digest, hashlib.sha256(signed_bytes).hexdigest())
        self.assertIn(digest, contract.message_ids[0].body)
        self.assertIn(amended.name, contract.message_ids[0].body)
        text = pdf_text(amended_bytes)
        self.assertIn("1,900,000.00", text)
        self.assertIn(amount_to_chinese_upper(1_900_000.0), text)

        reprinted, _report_type = (
            self._report().with_context(force_report_rendering=True)._render_qweb_pdf(REPORT, contract.ids)
        )
        self.assertEqual(reprinted, amended_bytes, "a reprint gives the file of the amended terms")

    def test_print_button_prints_the_contract(self):
        contract = self._draft_contract()
        action = contract.action_print()
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["context"]["active_ids"], contract.ids)
        html = self._report()._render_qweb_html(action["report_name"], action["context"]["active_ids"])[0]
        self.assertIn(contract.name, html.decode())
        contract.action_cancel()
        with self.assertRaises(UserError):
            contract.action_print()

    def test_buyer_names_are_masked(self):
        contract = self._draft_contract()
        contract.buyer_ids.partner_id.name = "张三"
        self.assertEqual(contract._masked_buyer_names(), ["张*"])
