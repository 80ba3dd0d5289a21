from odoo import models

RECEIPT_REPORT_NAME = "realty_finance.report_payment_receipt"


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _realty_prints_one_record_per_run(self):
        """EXTENDS realty_contract: several receipts print on any wkhtmltopdf, each on its own run."""
        return super()._realty_prints_one_record_per_run() or self.report_name == RECEIPT_REPORT_NAME
