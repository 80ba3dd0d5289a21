from odoo import models

CONTRACT_REPORT_NAME = "realty_contract.report_contract"


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        """EXTENDS base: several contracts print one contract per wkhtmltopdf run, stored files reused as they are.

        Odoo renders every record without a stored file in one run and splits the PDF by its outlines. Debian's
        wkhtmltopdf (unpatched Qt) refuses several documents in one run, and a file cut out of a batch need not be
        the one printed alone; one record per call of Odoo's own method gives each contract the file a single print
        gives (stored at the first print when signed), and ``_render_qweb_pdf`` merges them into one PDF.
        """
        if len(res_ids or ()) < 2 or not self._get_report(report_ref)._realty_prints_one_record_per_run():
            return super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=res_ids)
        streams = {}
        for res_id in dict.fromkeys(res_ids):  # once each, in the order asked
            streams |= super()._render_qweb_pdf_prepare_streams(report_ref, dict(data or {}), res_ids=[res_id])
        return streams

    def _realty_prints_one_record_per_run(self):
        """Hook: whether this report renders each record on its own wkhtmltopdf run (later addons add theirs)."""
        self.ensure_one()
        return self.report_name == CONTRACT_REPORT_NAME
