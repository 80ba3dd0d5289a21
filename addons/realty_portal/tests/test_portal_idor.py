from odoo.exceptions import AccessError
from odoo.tests import tagged

from .my_home_common import RealtyPortalCase


@tagged("post_install", "-at_install")
class TestPortalIdor(RealtyPortalCase):
    """Another buyer gets nothing of the buyer's documents: not by id, not by a guessed URL, not with a token."""

    def _buyer_urls(self):
        installment = self.contract.installment_ids[1]
        return {
            "contract": f"/my/realty/contract/{self.contract.id}",
            "contract pdf": f"/my/realty/contract/{self.contract.id}/pdf",
            "installment": f"/my/realty/installment/{installment.id}",
            "receipt": f"/my/realty/receipt/{self.receipt.id}",
        }

    def test_other_buyer_gets_404_by_id(self):
        self.authenticate(self.portal_other.login, "otherbuyer-pw-12")
        for name, url in self._buyer_urls().items():
            with self.subTest(document=name):
                response = self.url_open(url, allow_redirects=False)
                self.assertEqual(response.status_code, 404)
                self.assertNotIn(self.contract.name, response.text)

    def test_guessed_urls_get_404(self):
        self.authenticate(self.portal_other.login, "otherbuyer-pw-12")
        missing = self.contract.id + 100000
        for url in (
            f"/my/realty/contract/{missing}",
            f"/my/realty/contract/{missing}/pdf",
            f"/my/realty/installment/{missing}",
            f"/my/realty/receipt/{missing}",
        ):
            with self.subTest(url=url):
                self.assertEqual(self.url_open(url, allow_redirects=False).status_code, 404)

    def test_own_documents_still_open(self):
        self.authenticate(self.portal_other.login, "otherbuyer-pw-12")
        response = self.url_open(f"/my/realty/contract/{self.other_contract.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 200)
        installment = self.other_contract.installment_ids[0]
        response = self.url_open(f"/my/realty/installment/{installment.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 303)

    def test_contract_token_opens_nothing(self):
        """The token printed in the QR code proves the contract exists; it does not open the buyer's page."""
        token = self.contract._portal_ensure_token()
        self.authenticate(self.portal_other.login, "otherbuyer-pw-12")
        for url in self._buyer_urls().values():
            for value in (token, f"{token}x"):
                with self.subTest(url=url, token=value):
                    response = self.url_open(f"{url}?access_token={value}", allow_redirects=False)
                    self.assertEqual(response.status_code, 404)

    def test_other_buyers_invoice_refused(self):
        invoice = self.contract.installment_ids[1].sudo().move_id
        self.assertTrue(invoice)
        token = invoice._portal_ensure_token()
        self.authenticate(self.portal_other.login, "otherbuyer-pw-12")
        for url in (f"/my/invoices/{invoice.id}", f"/my/invoices/{invoice.id}?access_token={token}x"):
            with self.subTest(url=url):
                response = self.url_open(url, allow_redirects=False)
                self.assertIn(response.status_code, (303, 403, 404))
                self.assertNotIn(invoice.name, response.text)
        invoice.access_token = False  # a revoked token: the link sent earlier no longer opens it
        response = self.url_open(f"/my/invoices/{invoice.id}?access_token={token}", allow_redirects=False)
        self.assertNotEqual(response.status_code, 200)

    def test_record_rules(self):
        """Read only, and only what the buyer is party to (RPC sees what the pages see)."""
        contracts = self.env["realty.contract"].with_user(self.portal_other)
        self.assertEqual(contracts.search([]), self.other_contract)
        self.assertEqual(
            self.env["realty.installment"].with_user(self.portal_other).search([]), self.other_contract.installment_ids
        )
        self.assertEqual(
            self.env["realty.reservation"].with_user(self.portal_other).search([]), self.other_contract.reservation_id
        )
        self.assertEqual(
            self.env["realty.contract"].with_user(self.portal_co_buyer).search([]), self.contract, "co-buyer"
        )
        with self.assertRaises(AccessError):
            contracts.browse(self.contract.id).read(["price"])
        with self.assertRaises(AccessError):
            contracts.browse(self.other_contract.id).write({"note": "mine"})
