from odoo import fields, models


class RealtyRefundableMixin(models.AbstractModel):
    """What a refund (``realty.refund``) reads of the document it settles, a contract or a reservation: the part
    both share. Each document says which payments and invoices it settles and how it names itself on the refund."""

    _name = "realty.refundable.mixin"
    _description = "Document a refund settles"

    def _refund_forfeit(self, received):
        """What the project's policy keeps of ``received``."""
        self.ensure_one()
        return self.project_id._realty_forfeit(self.price, self.deposit_amount, received)

    def _prepare_refund_values(self, received, forfeit):
        self.ensure_one()
        return {
            "name": self.env._("Refund of %(document)s", document=self.name),
            "project_id": self.project_id.id,
            "company_id": self.company_id.id,
            "partner_id": self.partner_id.id,
            "date": fields.Date.context_today(self),
            "forfeit_policy": self.project_id.realty_forfeit_policy,
            "amount_received": received,
            "amount_forfeit": forfeit,
            "amount_refund": received - forfeit,
            **self._refund_document_values(),
        }

    def _refund_document_values(self):
        """Hook: the refund's link to this document."""
        return {}
