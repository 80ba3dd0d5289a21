from odoo import api, models


class ReportPaymentReceipt(models.AbstractModel):
    """收据: the receipt for money received for a contract or a reservation, its amount also in 人民币大写."""

    _name = "report.realty_finance.report_payment_receipt"
    _description = "Payment Receipt"

    @api.model
    def _get_report_values(self, docids, data=None):
        payments = self.env["account.payment"].browse(docids)
        payments._realty_check_receipt_printable()
        return {
            "doc_ids": docids,
            "doc_model": "account.payment",
            "docs": payments,
            "amount_in_words": self.env["realty.reservation.print.mixin"]._amount_in_words,
            "methods": dict(payments._fields["realty_method"]._description_selection(self.env)),
        }
