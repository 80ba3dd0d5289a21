import datetime
from collections.abc import Callable
from dataclasses import dataclass

from xlsxwriter.utility import xl_rowcol_to_cell

from odoo import fields, models

# cell styles: the number format of each kind of value ("percent" values are Odoo's percent points, 2.0 = 2 %)
NUMBER_FORMATS = {
    "text": None,
    "integer": "0",
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm",
    "money": "#,##0.00",
    "area": "#,##0.00",
    "percent": "0.00%",
}
HEADER_FORMAT = {"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True, "valign": "top"}
TOTAL_FORMAT = {"bold": True, "top": 1}


@dataclass(frozen=True)
class XlsxColumn:
    """One column of an exported sheet: ``value(record)`` gives its cell, ``style`` a key of NUMBER_FORMATS;
    ``total`` sums it in the sheet's total row. ``key`` names it for addons that insert columns next to it."""

    key: str
    header: str
    value: Callable
    style: str = "text"
    width: int = 14
    total: bool = False


class ReportContractXlsx(models.AbstractModel):
    """Contracts to xlsx (合同导出): one sheet of contracts, one of their buyers, one of their payment schedules.

    The contracts are read as the user who exports them: whoever can read them can export them, record rules
    included. Headers are the fields' labels in the user's language. Addons add columns by extending
    ``_xlsx_contract_columns`` (or the buyer and installment ones)."""

    _name = "report.realty_contract.contract_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Contract Export"

    def get_workbook_options(self):
        # EXTENDS report_xlsx: what people typed is never turned into a formula, a number or a link
        return super().get_workbook_options() | {
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        }

    def generate_xlsx_report(self, workbook, data, contracts):
        contracts.check_access("read")
        styles = self._xlsx_styles(workbook)
        sheets = [
            (self.env._("Contracts"), self._xlsx_contract_columns(), contracts),
            (self._xlsx_label("realty.contract", "buyer_ids"), self._xlsx_buyer_columns(), contracts.buyer_ids),
            (
                self._xlsx_label("realty.contract", "installment_ids"),
                self._xlsx_installment_columns(),
                contracts.installment_ids,
            ),
        ]
        for name, columns, records in sheets:
            self._xlsx_write_sheet(workbook.add_worksheet(name), columns, records, styles)

    def _xlsx_file_name(self):
        """The downloaded file's name: the report's name in the user's language and today's date."""
        report = self.env["ir.actions.report"]._get_report_from_name(self._name.removeprefix("report."))
        return f"{report.name} {fields.Date.context_today(self):%Y-%m-%d}.xlsx"

    # ------------------------------------------------------------------
    # COLUMNS (hooks)
    # ------------------------------------------------------------------

    def _xlsx_contract_columns(self):
        """The columns of the Contracts sheet, one row per contract."""
        field = self._xlsx_field_column
        columns = [
            field("realty.contract", "name", width=16),
            field("realty.contract", "project_id", width=18),
            XlsxColumn("building", self._xlsx_label("realty.unit", "building_id"), self._xlsx_building, width=12),
            field("realty.contract", "unit_id", width=12),
            field("realty.contract", "layout_id", width=12),
            field("realty.contract", "gross_area", "area", total=True),
            field("realty.contract", "inner_area", "area", total=True),
            field("realty.contract", "shared_area", "area", total=True),
            field("realty.contract", "unit_price", "money"),
            field("realty.contract", "list_price", "money", width=16, total=True),
            field("realty.contract", "plan_discount", "percent", width=10),
            field("realty.contract", "discount", "percent", width=10),
            field("realty.contract", "price", "money", width=16, total=True),
            field("realty.contract", "deposit_amount", "money", total=True),
            field("realty.contract", "payment_plan_id", width=16),
            field("realty.contract", "state", width=10),
            field("realty.contract", "user_id"),
            field("realty.contract", "date_signed", "date", width=12),
            field("realty.contract", "registration_no", width=16),
            field("realty.contract", "registration_date", "date", width=12),
            field("realty.contract", "date_delivered", "date", width=12),
            field("realty.contract", "termination_date", "date", width=12),
            field("realty.contract", "partner_id", width=16),
            XlsxColumn("buyers", self._xlsx_label("realty.contract", "buyer_ids"), self._xlsx_buyer_names, width=28),
        ]
        if "legacy_ref" in self.env["realty.contract"]._fields:  # realty_contract's import of legacy contracts
            columns.append(field("realty.contract", "legacy_ref", width=16))
        return columns

    def _xlsx_buyer_columns(self):
        """The columns of the Buyers sheet, one row per buyer of each contract."""
        field = self._xlsx_field_column
        return [
            self._xlsx_contract_no_column(),
            field("realty.contract.buyer", "partner_id", width=18),
            field("realty.contract.buyer", "is_main", width=10),
            field("realty.contract.buyer", "id_type", width=16),
            field("realty.contract.buyer", "id_number", width=22),
            field("realty.contract.buyer", "phone"),
            field("realty.contract.buyer", "share", "percent", width=10),
        ]

    def _xlsx_installment_columns(self):
        """The columns of the Payment Schedule sheet, one row per installment of each contract."""
        field = self._xlsx_field_column
        return [
            self._xlsx_contract_no_column(),
            field("realty.installment", "sequence", "integer", width=8),
            field("realty.installment", "name", width=20),
            field("realty.installment", "kind", width=14),
            field("realty.installment", "date_due", "date", width=12),
            field("realty.installment", "amount", "money", width=16, total=True),
        ]

    def _xlsx_contract_no_column(self):
        return XlsxColumn("contract", self._xlsx_label("realty.contract", "name"), self._xlsx_contract_no, width=16)

    @staticmethod
    def _xlsx_insert_after(columns, key, *new_columns):
        """Insert ``new_columns`` right after the column ``key`` (at the end if there is none); for extensions."""
        keys = [column.key for column in columns]
        index = keys.index(key) + 1 if key in keys else len(columns)
        columns[index:index] = new_columns
        return columns

    def _xlsx_field_column(self, model, name, style="text", width=14, total=False):
        """A column showing field ``name`` of the exported records, headed by its label."""
        return XlsxColumn(
            name,
            self._xlsx_label(model, name),
            lambda record: self._xlsx_field_value(record, name),
            style=style,
            width=width,
            total=total,
        )

    # ------------------------------------------------------------------
    # VALUES
    # ------------------------------------------------------------------

    def _xlsx_label(self, model, name):
        """The label of a field in the user's language."""
        return self.env[model]._fields[name]._description_string(self.env)

    def _xlsx_field_value(self, record, name):
        """What a cell shows of a field: names of related records, labels of selections, Yes/No."""
        field = record._fields[name]
        value = record[name]
        if field.type == "many2one":
            return value.display_name or None
        if field.type == "selection":
            return dict(field._description_selection(self.env)).get(value)
        if field.type == "boolean":
            return self.env._("Yes") if value else self.env._("No")
        return value

    def _xlsx_building(self, contract):
        return contract.unit_id.building_id.name

    def _xlsx_buyer_names(self, contract):
        separator = "、" if (self.env.lang or "").startswith("zh") else ", "
        return separator.join(contract.buyer_ids.partner_id.mapped("name"))

    def _xlsx_contract_no(self, line):
        return line.contract_id.name

    # ------------------------------------------------------------------
    # WRITING
    # ------------------------------------------------------------------

    def _xlsx_styles(self, workbook):
        """The cell formats: per style, one for the rows and one for the total row; and the header's."""
        return {
            "header": workbook.add_format(HEADER_FORMAT),
            "rows": {
                style: workbook.add_format({"num_format": fmt} if fmt else {}) for style, fmt in NUMBER_FORMATS.items()
            },
            "totals": {
                style: workbook.add_format(TOTAL_FORMAT | ({"num_format": fmt} if fmt else {}))
                for style, fmt in NUMBER_FORMATS.items()
            },
        }

    def _xlsx_write_sheet(self, sheet, columns, records, styles):
        """Header, one row per record, a total row when a column has one; frozen header, widths, filter."""
        for col, column in enumerate(columns):
            sheet.set_column(col, col, column.width)
            sheet.write_string(0, col, column.header, styles["header"])
        for row, record in enumerate(records, start=1):
            for col, column in enumerate(columns):
                self._xlsx_write_cell(sheet, row, col, column.value(record), styles["rows"][column.style], column.style)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(records), 1), len(columns) - 1)
        if records and any(column.total for column in columns):
            self._xlsx_write_total_row(sheet, columns, records, styles["totals"])

    def _xlsx_write_cell(self, sheet, row, col, value, cell_format, style):
        """Text stays text (a name starting with '=' is no formula), dates are date cells, numbers numbers."""
        if value is None or value is False or value == "":
            sheet.write_blank(row, col, None, cell_format)
        elif isinstance(value, str):
            sheet.write_string(row, col, value, cell_format)
        elif isinstance(value, datetime.datetime):  # stored in UTC, shown in the user's time zone
            sheet.write_datetime(row, col, self._xlsx_local(value), cell_format)
        elif isinstance(value, datetime.date):
            sheet.write_datetime(row, col, value, cell_format)
        elif style == "percent":
            sheet.write_number(row, col, value / 100.0, cell_format)
        else:
            sheet.write_number(row, col, value, cell_format)

    def _xlsx_local(self, value):
        return fields.Datetime.context_timestamp(self, value).replace(tzinfo=None)

    def _xlsx_write_total_row(self, sheet, columns, records, formats):
        """SUBTOTAL formulas (they follow the filter), with the full sums as their cached values."""
        row = len(records) + 1
        sheet.write_string(row, 0, self.env._("Total"), formats["text"])
        for col, column in enumerate(columns):
            if column.total:
                cells = f"{xl_rowcol_to_cell(1, col)}:{xl_rowcol_to_cell(row - 1, col)}"
                value = sum(column.value(record) or 0.0 for record in records)
                sheet.write_formula(row, col, f"=SUBTOTAL(9,{cells})", formats[column.style], value)
