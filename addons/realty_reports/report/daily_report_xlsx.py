from odoo import models

from odoo.addons.realty_contract.report.contract_xlsx import HEADER_FORMAT, NUMBER_FORMATS, TOTAL_FORMAT


class ReportDailyReportXlsx(models.AbstractModel):
    """日报 to xlsx: the content of the mail and the PDF (``report.realty_reports.report_daily_report``), one sheet
    per period (day, week to date, month to date): projects as rows, figures as columns, then the total, the
    previous period and the same period last year. Read as the user who exports it; headers in their language."""

    _name = "report.realty_reports.daily_report_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Daily Log Export"

    def get_workbook_options(self):
        # EXTENDS report_xlsx: a project named "=…" stays text
        return super().get_workbook_options() | {"strings_to_formulas": False, "strings_to_urls": False}

    def generate_xlsx_report(self, workbook, data, snapshots):
        content = self.env["report.realty_reports.report_daily_report"]._daily_log_content(snapshots)
        styles = self._xlsx_styles(workbook)
        for period in content["periods"]:
            sheet = workbook.add_worksheet(period["title"])
            self._xlsx_write_period(sheet, content["columns"], period, styles)

    def _xlsx_styles(self, workbook):
        def number(extra, style):
            fmt = NUMBER_FORMATS[style]
            return workbook.add_format(extra | ({"num_format": fmt} if fmt else {}))

        return {
            "header": workbook.add_format(HEADER_FORMAT),
            "rows": {style: number({}, style) for style in NUMBER_FORMATS},
            "totals": {style: number(TOTAL_FORMAT, style) for style in NUMBER_FORMATS},
        }

    def _xlsx_write_period(self, sheet, columns, period, styles):
        """Header; a row per project; the total, then the previous period's and last year's totals."""
        sheet.set_column(0, 0, 24)
        sheet.set_column(1, len(columns), 14)
        sheet.write_string(0, 0, self.env._("Project"), styles["header"])
        for col, (_column, label) in enumerate(columns, start=1):
            sheet.write_string(0, col, label, styles["header"])
        rows = [(project.name, totals, styles["rows"]) for project, totals in period["rows"]]
        rows.append((self.env._("Total"), period["total"], styles["totals"]))
        for key, label in (
            ("previous", self.env._("Previous Period")),
            ("last_year", self.env._("Same Period Last Year")),
        ):
            rows.append((self._xlsx_compared_label(label, period[key]), period[key], styles["rows"]))
        for row, (label, totals, formats) in enumerate(rows, start=1):
            sheet.write_string(row, 0, label, formats["text"])
            for col, (column, _label) in enumerate(columns, start=1):
                sheet.write_number(row, col, totals.get(column.field) or 0, formats[column.style])
        sheet.freeze_panes(1, 1)

    def _xlsx_compared_label(self, label, totals):
        dates = self.env["report.realty_reports.report_daily_report"]._daily_log_range(totals)
        return f"{label} ({dates})"
