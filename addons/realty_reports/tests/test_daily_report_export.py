import io

from openpyxl import load_workbook

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .test_daily_report_mail import DailyReportMailCase
from odoo.addons.realty_base.tests.pdf import pdf_text, skip_without_pdf_tools

PDF = "realty_reports.realty_daily_report_pdf_report"
XLSX = "realty_reports.realty_daily_report_xlsx_report"


@tagged("post_install", "-at_install")
class TestDailyReportExport(HttpCase, DailyReportMailCase):
    """日报 as xlsx and PDF, from the Print menu of the daily log list (and attached to the mail): the day of the
    selected logs and their projects, per period, read as the user who prints them. An HttpCase: wkhtmltopdf
    fetches the report assets from the running server."""

    def _workbook(self, logs, user=None):
        content, file_type = self.env["ir.actions.report"].with_user(user or self.manager)._render(XLSX, logs.ids)
        self.assertEqual(file_type, "xlsx")
        return load_workbook(io.BytesIO(content))

    @staticmethod
    def _rows(sheet):
        """{first cell: {header: cell}} of a period's sheet."""
        rows = list(sheet.iter_rows())
        headers = [cell.value for cell in rows[0]]
        return {row[0].value: dict(zip(headers, row)) for row in rows[1:]}

    def test_xlsx_has_a_sheet_per_period_projects_as_rows_and_totals(self):
        workbook = self._workbook(self.day_logs)
        self.assertEqual(workbook.sheetnames, ["The Day", "Week to Date", "Month to Date"])
        day = self._rows(workbook["The Day"])
        self.assertEqual(
            list(day),
            [
                "Sunny Court",
                "Test Garden",
                "Total",
                "Previous Period (11/25/2026)",
                "Same Period Last Year (11/26/2025)",
            ],
        )
        garden, court, total = day["Test Garden"], day["Sunny Court"], day["Total"]
        self.assertEqual(garden["Signed Amount"].value, 1960000)
        self.assertEqual(garden["Signed Amount"].number_format, "#,##0.00")
        self.assertEqual(garden["Received"].value, 300000)
        self.assertEqual(garden["Visitors"].value, 7)
        self.assertEqual(garden["Overdue at Day End"].value, 45000)
        self.assertEqual(court["Signed Amount"].value, 500000)
        self.assertEqual(court["Units Available"].value, 12)
        self.assertEqual(total["Signed Amount"].value, 2460000)
        self.assertEqual(total["Received"].value, 350000)
        self.assertEqual(total["Units Available"].value, 42)
        self.assertAlmostEqual(total["Average Unit Price"].value, 2460000 / 148, places=2)
        self.assertEqual(day["Previous Period (11/25/2026)"]["Signed Amount"].value, 1230000)
        self.assertEqual(day["Same Period Last Year (11/26/2025)"]["Signed Amount"].value, 1640000)

        week = self._rows(workbook["Week to Date"])
        self.assertEqual(week["Test Garden"]["Signed Amount"].value, 2940000)
        self.assertEqual(week["Sunny Court"]["Signed Amount"].value, 750000)
        self.assertEqual(week["Total"]["Signed Amount"].value, 3690000)
        self.assertEqual(week["Total"]["Signed Area (m²)"].value, 222)
        self.assertEqual(week["Total"]["Units Available"].value, 42, "stock at the period's end, not a sum")
        month = self._rows(workbook["Month to Date"])
        self.assertEqual(month["Test Garden"]["Signed Amount"].value, 3940000)
        self.assertEqual(month["Total"]["Signed Amount"].value, 4690000)

    def test_export_only_of_logs_the_user_may_read(self):
        with self.assertRaises(AccessError):
            self._workbook(self.day_logs, user=self.user_company_b)
        with self.assertRaises(AccessError):
            self._workbook(self.day_logs, user=self.salesperson)
        rows = self._rows(
            self._workbook(self.snapshots["other", self.day_logs[0].date], user=self.user_company_b)["The Day"]
        )
        self.assertEqual(rows["Harbour View"]["Signed Amount"].value, 7777777)
        self.assertNotIn("Test Garden", rows)

    def test_xlsx_headers_in_the_users_language(self):
        self._load_chinese()
        self.env["ir.model.fields"]._get("realty.daily.report", "contracts_amount").update_field_translations(
            "field_description", {"zh_CN": "签约金额"}
        )
        self.manager.lang = "zh_CN"
        content, _type = (
            self.env["ir.actions.report"]
            .with_user(self.manager)
            .with_context(lang="zh_CN")
            ._render(XLSX, self.day_logs.ids)
        )
        sheet = load_workbook(io.BytesIO(content)).worksheets[0]
        headers = [cell.value for cell in next(sheet.iter_rows())]
        self.assertIn("签约金额", headers)
        self.assertEqual(self._rows(sheet)["Test Garden"]["签约金额"].value, 1960000)

    def test_print_menu_of_the_daily_log_offers_both(self):
        bindings = self.env["ir.actions.actions"].with_user(self.manager).get_bindings("realty.daily.report")
        self.assertLessEqual({"Daily Log", "Daily Log (xlsx)"}, {action["name"] for action in bindings["report"]})

    def test_pdf_prints_every_period_with_its_figures(self):
        skip_without_pdf_tools()
        report = self.env["ir.actions.report"].with_user(self.manager).with_context(force_report_rendering=True)
        content, report_type = report._render_qweb_pdf(PDF, self.day_logs.ids)
        self.assertEqual(report_type, "pdf")
        text = pdf_text(content)
        for expected in (
            "Daily Log 2026-11-26",
            "Sunny Court",
            "Test Garden",
            "Week to Date",
            "Month to Date",
            "1,960,000.00",
            "2,460,000.00",
            "4,690,000.00",
            "Same Period Last Year",
        ):
            self.assertIn(expected, text)
        self.assertNotIn("Harbour View", text)

    def test_pdf_in_chinese(self):
        skip_without_pdf_tools()
        self._load_chinese()
        self.manager.lang = "zh_CN"
        report = self.env["ir.actions.report"].with_user(self.manager)
        content, _type = report.with_context(force_report_rendering=True, lang="zh_CN")._render_qweb_pdf(
            PDF, self.day_logs.ids
        )
        text = pdf_text(content)
        self.assertIn("日报", text)
        self.assertIn("上年同期", text)
        self.assertIn("Test Garden", text)
