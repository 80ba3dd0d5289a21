import hashlib
import shutil
import subprocess
import unittest

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .common import VALID_ID_CARD, RealtyContractCase
from odoo.addons.realty_base.tools import amount_to_chinese_upper

REPORT = "realty_contract.realty_contract_report"


@tagged("post_install", "-at_install")
class TestContractReport(HttpCase, RealtyContractCase):
    """The printed 购房合同, the PDF stored at signing and the public verification page of its QR code.

    An HttpCase: wkhtmltopdf fetches the report assets from the running server. One test renders a real PDF."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cny = cls.env.ref("base.CNY")
        cls.cny.active = True
        cls.company.currency_id = cls.cny
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
        if not (shutil.which("wkhtmltopdf") and shutil.which("pdftotext")):
            raise unittest.SkipTest("needs wkhtmltopdf and pdftotext (poppler-utils)")
        contract = self._draft_contract()
        contract.buyer_ids.write({"id_number": VALID_ID_CARD})
        contract.with_context(force_report_rendering=True).action_sign()
        stored = contract.signed_pdf_id
        self.assertTrue(stored, "signing stores the contract PDF")
        signed_bytes = stored.sudo().raw
        self.assertTrue(signed_bytes.startswith(b"%PDF"))
        digest = hashlib.sha256(signed_bytes).hexdigest()
        self.assertIn(digest, contract.message_ids[0].body)

        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-", "-"], input=signed_bytes, capture_output=True, check=True
        ).stdout.decode()
        text = " ".join(text.split())
        for expected in (contract.name, amount_to_chinese_upper(contract.price), VALID_ID_CARD, "Chen Jie"):
            self.assertIn(expected, text)

        self.template.with_user(self.admin).write({"body": "Completely different clauses."})
        reprinted, report_type = (
            self._report().with_context(force_report_rendering=True)._render_qweb_pdf(REPORT, contract.ids)
        )
        self.assertEqual(report_type, "pdf")
        self.assertEqual(reprinted, signed_bytes, "a signed contract prints the file stored at signing")

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

    def test_buyer_names_are_masked(self):
        contract = self._draft_contract()
        contract.buyer_ids.partner_id.name = "张三"
        self.assertEqual(contract._masked_buyer_names(), ["张*"])
