from odoo import models

from ..tools import restore_cjk_text


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _run_wkhtmltopdf(self, *args, **kwargs):
        """EXTENDS base: Chinese text in the PDF copies and extracts as it reads (人, not the radical ⼈)."""
        return restore_cjk_text(super()._run_wkhtmltopdf(*args, **kwargs))
