from odoo import models


class IrSequence(models.Model):
    """One receipt sequence per company, whoever creates it first (see account.payment._realty_receipt_sequence)."""

    _inherit = "ir.sequence"

    _realty_receipt_sequence_uniq = models.UniqueIndex(
        "(company_id) WHERE code = 'realty.payment.receipt'",
        "This company already has a receipt sequence.",
    )
