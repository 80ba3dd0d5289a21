import hashlib
import uuid

from odoo import fields, models
from odoo.exceptions import UserError

CONTRACT_REPORT = "realty_contract.realty_contract_report"
PRINTABLE_STATES = ("draft", "signed", "registered", "delivered", "terminated")


class RealtyContract(models.Model):
    """The printed contract: the PDF stored at signing, and the token of its public verification page."""

    _name = "realty.contract"
    _inherit = ["realty.contract", "portal.mixin"]

    signed_pdf_id = fields.Many2one(
        "ir.attachment", "Signed Contract PDF", compute="_compute_signed_pdf_id", compute_sudo=True
    )

    def _compute_access_url(self):
        super()._compute_access_url()
        for contract in self:
            contract.access_url = f"/realty/contract/verify/{contract.id}"

    def _compute_signed_pdf_id(self):
        report = self.env.ref(CONTRACT_REPORT)
        for contract in self:
            contract.signed_pdf_id = contract.id and report.retrieve_attachment(contract)

    def _portal_ensure_token(self):
        """EXTENDS portal: the token is written by the action, as the contract may be frozen already."""
        for contract in self.filtered(lambda contract: not contract.access_token):
            contract._action_env().sudo().write({"access_token": str(uuid.uuid4())})
        return self[:1].access_token

    def contract_pdf_name(self):
        """The stored file of the contract's current terms (the report's ``attachment`` expression): the one
        signed, then a new one after each applied amendment; drafts and cancelled contracts are never stored."""
        self.ensure_one()
        if self.state in ("draft", "cancelled"):
            return False
        applied = self._applied_amendment_count()
        return f"{self.name}-{applied}.pdf" if applied else f"{self.name}.pdf"

    def _applied_amendment_count(self):
        self.ensure_one()
        return len(self.sudo().amendment_ids.filtered(lambda amendment: amendment.state == "applied"))

    def _verification_url(self):
        """The public verification page, ASCII only (the QR widget encodes nothing else)."""
        self.ensure_one()
        self._portal_ensure_token()
        return f"{self.get_base_url()}{self.access_url}?access_token={self.access_token}"

    def action_sign(self):
        """EXTENDS the signing: the contract as signed is rendered and stored (see ``_store_current_pdf``)."""
        result = super().action_sign()
        self._store_current_pdf()
        return result

    def action_print(self):
        """Print the contract: the file of its current terms once signed, a preview marked 草稿 while draft."""
        self.check_access("read")
        self._check_printable()
        return self.env.ref(CONTRACT_REPORT).report_action(self, config=False)

    def _store_current_pdf(self):
        """Render the PDF of each contract's current terms once, at signing and after each applied amendment
        (``contract_pdf_name`` names a new file then): the report keeps it as an attachment (``attachment_use``)
        and returns that file from then on; its SHA-256 goes to the chatter. Tests render HTML (no file) unless they
        force the rendering. Contracts signed while modules load (demo data) are rendered at their first print
        instead: wkhtmltopdf needs the running server, or it writes a blank page."""
        if not self.pool.ready:
            return
        report = self.env["ir.actions.report"]
        for contract in self:
            contract._portal_ensure_token()
            _content, report_type = report._render_qweb_pdf(CONTRACT_REPORT, contract.ids)
            if report_type != "pdf":
                continue
            contract.invalidate_recordset(["signed_pdf_id"])
            attachment = contract.signed_pdf_id
            if not attachment:
                raise UserError(self.env._("The PDF of contract %(name)s could not be stored.", name=contract.name))
            digest = hashlib.sha256(attachment.sudo().raw).hexdigest()
            contract.message_post(body=contract._stored_pdf_message(attachment.name, digest))

    def _stored_pdf_message(self, file_name, digest):
        if self._applied_amendment_count():
            return self.env._("Amended contract stored as %(file)s, SHA-256 %(digest)s.", file=file_name, digest=digest)
        return self.env._("Signed contract stored as %(file)s, SHA-256 %(digest)s.", file=file_name, digest=digest)

    def _check_printable(self):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for contract in self:
            if contract.state not in PRINTABLE_STATES:
                raise UserError(
                    self.env._(
                        "Contract %(name)s is %(state)s: it cannot be printed.",
                        name=contract.name,
                        state=labels[contract.state],
                    )
                )

    def _masked_buyer_names(self):
        """张三 → 张*: the verification page shows who signed without naming them."""
        self.ensure_one()
        names = []
        for buyer in self.buyer_ids:
            name = (buyer.partner_id.name or "").strip()
            names.append(name[:1] + "*" * max(1, len(name) - 1))
        return names
