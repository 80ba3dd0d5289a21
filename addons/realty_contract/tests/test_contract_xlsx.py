import io
from urllib.parse import unquote

from openpyxl import load_workbook
from openpyxl.utils import range_boundaries

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import VALID_ID_CARD, RealtyContractCase

REPORT = "realty_contract.realty_contract_xlsx_report"
REPORT_NAME = "realty_contract.contract_xlsx"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@tagged("post_install", "-at_install")
class TestContractXlsx(HttpCase, RealtyContractCase):
    """合同导出: contracts, their buyers and schedules to xlsx, as the user who exports them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit_2 = cls._create_unit(12, 2)
        cls.unit_3 = cls._create_unit(11, 1)
        (cls.unit_2 | cls.unit_3).action_release()
        cls.co_buyer = cls.env["res.partner"].create({"name": "Li Na"})
        cls.other_salesperson = cls._create_realty_user("realty_sales_2", "realty_base.group_realty_salesperson")

    def _contract_with_two_buyers(self):
        """Signed on the full-payment plan (2 %) with 0.5 % more off: Chen Jie 60 %, Li Na 40 % on a passport."""
        contract = self._draft_contract(payment_plan_id=self.plan_full.id, discount=0.5)
        buyer = self._add_buyer_command(self.co_buyer, 40.0, id_type="passport", id_number="E1", phone="13800000000")
        contract.write({"buyer_ids": [buyer]})
        contract.buyer_ids.filtered("is_main").write({"share": 60.0, "id_number": VALID_ID_CARD})
        contract.action_sign()
        return contract

    def _render(self, contracts, user=None, lang=None):
        report = self.env["ir.actions.report"].with_user(user or self.salesperson)
        if lang:
            report = report.with_context(lang=lang)
        content, file_type = report._render(REPORT, contracts.ids)
        self.assertEqual(file_type, "xlsx")
        return load_workbook(io.BytesIO(content), data_only=True)  # data_only: the totals' cached values

    @staticmethod
    def _rows(sheet):
        """The data rows of a sheet (those under its filter) as {header: cell}, and its total row (or None)."""
        rows = list(sheet.iter_rows())
        headers = [cell.value for cell in rows[0]]
        last = range_boundaries(sheet.auto_filter.ref)[3]
        body = [dict(zip(headers, row)) for row in rows[1:last]]
        total = dict(zip(headers, rows[last])) if len(rows) > last else None
        return body, total

    def test_contract_row_has_every_key_field_formatted(self):
        contract = self._contract_with_two_buyers()
        workbook = self._render(contract)
        self.assertEqual(workbook.sheetnames, ["Contracts", "Buyers", "Payment Schedule"])
        sheet = workbook["Contracts"]
        self.assertEqual(sheet.freeze_panes, "A2")
        self.assertTrue(sheet.auto_filter.ref.startswith("A1:"))
        (row,), total = self._rows(sheet)
        expected = {
            "Contract No.": contract.name,
            "Project": "Test Garden",
            "Building": "Building 1",
            "Unit": contract.unit_id.display_name,
            "Layout": self.layout_2br.display_name,
            "Gross Area (m²)": 100.0,
            "Inner Area (m²)": 80.0,
            "Unit Price": 20000.0,
            "Standard Total Price": 2000000.0,
            "Contract Price": contract.price,
            "Deposit Paid": 50000.0,
            "Payment Plan": "Full payment",
            "Status": "Signed",
            "Salesperson": self.salesperson.name,
            "Registration No.": None,
            "Main Buyer": "Chen Jie",
            "Buyers": "Chen Jie, Li Na",
        }
        self.assertEqual({header: row[header].value for header in expected}, expected)
        self.assertAlmostEqual(row["Plan Discount (%)"].value, 0.02)
        self.assertAlmostEqual(row["Extra Discount (%)"].value, 0.005)
        self.assertEqual(row["Plan Discount (%)"].number_format, "0.00%")
        signed_on = row["Signed On"]
        self.assertTrue(signed_on.is_date)
        self.assertEqual(signed_on.value.date(), contract.date_signed)
        self.assertEqual(signed_on.number_format, "yyyy-mm-dd")
        self.assertEqual(row["Contract Price"].number_format, "#,##0.00")
        self.assertEqual(row["Gross Area (m²)"].number_format, "#,##0.00")
        self.assertEqual(total["Contract No."].value, "Total")
        self.assertEqual(total["Contract Price"].value, contract.price)

    def test_buyers_sheet_lists_every_buyer(self):
        contract = self._contract_with_two_buyers()
        rows, total = self._rows(self._render(contract)["Buyers"])
        headers = ["Contract No.", "Buyer", "Main Buyer", "ID Type", "ID Number", "Phone", "Share (%)"]
        self.assertEqual(
            [[row[header].value for header in headers] for row in rows],
            [
                [contract.name, "Chen Jie", "Yes", "ID Card", VALID_ID_CARD, None, 0.6],
                [contract.name, "Li Na", "No", "Passport", "E1", "13800000000", 0.4],
            ],
        )
        self.assertIsNone(total, "shares of different contracts do not add up")

    def test_typed_text_is_never_a_formula(self):
        self.co_buyer.name = '=HYPERLINK("http://example.com","x")'
        rows, _total = self._rows(self._render(self._contract_with_two_buyers())["Buyers"])
        cell = rows[1]["Buyer"]
        self.assertEqual((cell.data_type, cell.value), ("s", self.co_buyer.name))

    def test_schedule_sheet_sums_to_each_contract_price(self):
        first = self._contract_with_two_buyers()
        second = self._signed_contract(unit=self.unit_2)
        contracts = first | second
        rows, total = self._rows(self._render(contracts)["Payment Schedule"])
        self.assertEqual(len(rows), len(contracts.installment_ids))
        for contract in contracts:
            amounts = [row["Amount"].value for row in rows if row["Contract No."].value == contract.name]
            self.assertEqual(len(amounts), len(contract.installment_ids))
            self.assertEqual(contract.currency_id.compare_amounts(sum(amounts), contract.price), 0)
        self.assertEqual(rows[0]["Kind"].value, "Deposit")
        self.assertEqual(rows[0]["Sequence"].value, 1)
        self.assertTrue(rows[0]["Due Date"].is_date)
        self.assertEqual(rows[0]["Amount"].number_format, "#,##0.00")
        self.assertAlmostEqual(total["Amount"].value, first.price + second.price, places=2)
        contract_rows, contract_total = self._rows(self._render(contracts)["Contracts"])
        self.assertEqual([row["Contract No."].value for row in contract_rows], contracts.mapped("name"))
        self.assertAlmostEqual(contract_total["Contract Price"].value, first.price + second.price, places=2)

    def test_headers_and_labels_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["realty_base", "realty_sales", "realty_contract"], ["zh_CN"])
        self.salesperson.lang = "zh_CN"
        contract = self._contract_with_two_buyers()
        workbook = self._render(contract, lang="zh_CN")
        self.assertEqual(workbook.sheetnames[1:], ["买受人", "付款节点"])
        sheet = workbook.worksheets[0]
        (row,), _total = self._rows(sheet)
        self.assertEqual(row["合同编号"].value, contract.name)
        self.assertEqual(row["状态"].value, "已签约")
        self.assertEqual(row["楼栋"].value, "Building 1")
        self.assertEqual(row["合同总价"].value, contract.price)
        self.assertEqual(row["买受人"].value, "Chen Jie、Li Na")
        self.assertTrue(row["签约日期"].is_date)
        buyers, _total = self._rows(workbook["买受人"])
        self.assertEqual([buyer["证件类型"].value for buyer in buyers], ["身份证", "护照"])
        schedule, _total = self._rows(workbook["付款节点"])
        self.assertEqual(schedule[0]["类型"].value, "定金")

    def test_salesperson_exports_only_contracts_they_may_read(self):
        own = self._signed_contract()
        other = self._signed_contract(unit=self.unit_2, user=self.other_salesperson)
        with self.assertRaises(AccessError):
            self._render(own | other)
        visible = self.env["realty.contract"].with_user(self.salesperson).search([])  # "select all" of the list
        self.assertEqual(visible, own)
        rows, _total = self._rows(self._render(visible)["Contracts"])
        self.assertEqual([row["Contract No."].value for row in rows], [own.name])
        rows, _total = self._rows(self._render(own | other, user=self.manager)["Contracts"])
        self.assertEqual(len(rows), 2)

    def test_queries_do_not_grow_with_the_contracts(self):
        contracts = self._contract_with_two_buyers() | self._signed_contract(unit=self.unit_2)
        contracts |= self._signed_contract(unit=self.unit_3)

        def queries(records):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self._render(records)
            return self.env.cr.sql_log_count - before

        queries(contracts)  # warm the caches (access rules, labels, translations)
        self.assertEqual(queries(contracts[:1]), queries(contracts))

    def test_download_as_a_logged_in_salesperson(self):
        contract = self._contract_with_two_buyers()
        self.authenticate("realty_sales", "realty_sales")
        response = self.url_open(f"/report/xlsx/{REPORT_NAME}/{contract.id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], XLSX_TYPE)
        today = fields.Date.to_string(fields.Date.context_today(contract))
        self.assertIn(f"Contract Export {today}.xlsx", unquote(response.headers["Content-Disposition"]))
        sheet = load_workbook(io.BytesIO(response.content))["Contracts"]
        self.assertEqual(sheet["A2"].value, contract.name)

    def test_download_of_another_salespersons_contract_is_refused(self):
        other = self._signed_contract(unit=self.unit_2, user=self.other_salesperson)
        self.authenticate("realty_sales", "realty_sales")
        with mute_logger("odoo.http"):
            response = self.url_open(f"/report/xlsx/{REPORT_NAME}/{other.id}")
        self.assertEqual(response.status_code, 403)
        self.assertNotEqual(response.headers.get("Content-Type"), XLSX_TYPE)
