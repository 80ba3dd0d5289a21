from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import content_disposition, request

from odoo.addons.portal.controllers.portal import CustomerPortal

CONTRACT_REPORT = "realty_contract.realty_contract_report"
RECEIPT_REPORT = "realty_finance.account_payment_report_receipt"
LISTED_RESERVATION_STATES = ("to_approve", "confirmed", "converted")


class RealtyMyHome(CustomerPortal):
    """我的房产: the buyer's reservations, contracts, schedule and receipts.

    Access is the record rules of the logged-in buyer (``_document_check_access`` without a token): a contract's
    access token is the one printed in its QR code for the public verification page, so it opens nothing here.
    Whatever the buyer may not read answers 404, whether it exists or not."""

    # ------------------------------------------------------------------
    # HOME
    # ------------------------------------------------------------------

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "realty_count" in counters:
            values["realty_count"] = self._realty_contracts().search_count(
                self._realty_contract_domain()
            ) + self._realty_reservations().search_count(self._realty_reservation_domain())
        if not counters:  # the home page itself, not the badge counters
            # found by a search as the buyer (record rules); sudo only to show its contract
            values["realty_next_installment"] = request.env["realty.installment"]._portal_next_due().sudo()
        return values

    def _realty_contracts(self):
        return request.env["realty.contract"]

    def _realty_reservations(self):
        return request.env["realty.reservation"]

    def _realty_contract_domain(self):
        return [("state", "!=", "cancelled")]

    def _realty_reservation_domain(self):
        """Reservations not yet turned into a contract: the contract shows the others."""
        return [("state", "in", LISTED_RESERVATION_STATES), ("contract_ids", "=", False)]

    # ------------------------------------------------------------------
    # ROUTES
    # ------------------------------------------------------------------

    @http.route("/my/realty", type="http", auth="user", website=True, methods=["GET"])
    def portal_my_realty(self, **kwargs):
        values = self._prepare_portal_layout_values()
        # searched as the buyer (record rules: their own documents); sudo only to show the units and projects
        values.update(
            {
                "page_name": "realty",
                "contracts": self._realty_contracts().search(self._realty_contract_domain()).sudo(),
                "reservations": self._realty_reservations().search(self._realty_reservation_domain()).sudo(),
            }
        )
        return request.render("realty_portal.portal_my_realty", values)

    @http.route("/my/realty/contract/<int:contract_id>", type="http", auth="user", website=True, methods=["GET"])
    def portal_my_realty_contract(self, contract_id, **kwargs):
        contract = self._realty_check_access("realty.contract", contract_id)
        values = self._prepare_portal_layout_values()
        values.update(self._realty_contract_page_values(contract))
        return request.render("realty_portal.portal_my_realty_contract", values)

    @http.route("/my/realty/contract/<int:contract_id>/pdf", type="http", auth="user", methods=["GET"])
    def portal_my_realty_contract_pdf(self, contract_id, download=False, **kwargs):
        contract = self._realty_check_access("realty.contract", contract_id)
        if not contract._portal_pdf_available():
            raise NotFound()
        return self._realty_pdf(contract, CONTRACT_REPORT, contract.name, download)

    @http.route("/my/realty/installment/<int:installment_id>", type="http", auth="user", methods=["GET"])
    def portal_my_realty_installment(self, installment_id, **kwargs):
        installment = self._realty_check_access("realty.installment", installment_id)
        return request.redirect(f"/my/realty/contract/{installment.contract_id.id}#installment-{installment.id}")

    @http.route("/my/realty/receipt/<int:payment_id>", type="http", auth="user", methods=["GET"])
    def portal_my_realty_receipt(self, payment_id, download=False, **kwargs):
        """A receipt is the buyer's when its contract or reservation is: checked on that document, as the buyer."""
        # sudo only to find the receipt's document: the buyer's right is checked on that document just below
        payment = request.env["account.payment"].sudo().browse(payment_id).exists()
        document = payment.realty_contract_id or payment.realty_reservation_id
        if not (document and payment.realty_receipt_number):
            raise NotFound()
        self._realty_check_access(document._name, document.id)
        return self._realty_pdf(payment, RECEIPT_REPORT, payment.realty_receipt_number, download)

    # ------------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------------

    def _realty_check_access(self, model_name, record_id):
        """The record (sudo) when the buyer may read it through the record rules; 404 otherwise."""
        try:
            return self._document_check_access(model_name, record_id)
        except (AccessError, MissingError) as error:
            raise NotFound() from error

    def _realty_pdf(self, record, report_ref, name, download):
        """The report of a record already checked (``_show_report`` wants a file-name hook these models lack)."""
        # as Odoo's portal does (CustomerPortal._show_report): the record was checked by _realty_check_access
        report = request.env["ir.actions.report"].sudo().with_company(record.company_id)
        content, report_type = report._render_qweb_pdf(report_ref, record.ids)
        mimetype = "application/pdf" if report_type == "pdf" else "text/html"
        disposition = content_disposition(f"{name}.pdf") if download else "inline"
        headers = [("Content-Type", mimetype), ("Content-Length", len(content)), ("Content-Disposition", disposition)]
        return request.make_response(content, headers=headers)

    def _realty_contract_page_values(self, contract):
        partner = request.env.user.partner_id.commercial_partner_id
        return {
            "page_name": "realty_contract",
            "contract": contract,
            "steps": contract._portal_steps(),
            "installments": contract.installment_ids,
            "receipts": contract._portal_receipts(),
            # invoices are the main buyer's documents (Odoo's /my/invoices); co-buyers see the schedule only
            "show_invoices": contract.partner_id.commercial_partner_id == partner,
        }
