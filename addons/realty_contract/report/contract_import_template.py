import datetime

from odoo import fields, models

from ..wizard.contract_import_format import COLUMNS

HEADER_FORMAT = {"bold": True, "bg_color": "#D9E1F2", "border": 1, "valign": "top"}
REQUIRED_FORMAT = HEADER_FORMAT | {"bg_color": "#F8CBAD"}
TEXT_KEYS = ("legacy_ref", "unit", "building", "id_number", "phone", "registration_no")  # kept as typed: 0 and X
EXAMPLE_ID_NUMBER = "11010519491231002X"  # the example of GB 11643-1999 (valid check digit)


class ReportContractImportTemplate(models.AbstractModel):
    """The template of the legacy contract import: the headers in the user's language, a note on each, and one
    example row taken from the company's own data where it has some. Red headers are required columns."""

    _name = "report.realty_contract.contract_import_template"
    _inherit = "report.report_xlsx.abstract"
    _description = "Contract Import Template"

    def get_workbook_options(self):
        # EXTENDS report_xlsx: an ID number stays text (an 18-digit number would lose its last digits)
        return super().get_workbook_options() | {"strings_to_numbers": False, "strings_to_formulas": False}

    def generate_xlsx_report(self, workbook, data, wizards):
        sheet = workbook.add_worksheet(self.env._("Contracts"))
        formats = {
            "header": workbook.add_format(HEADER_FORMAT),
            "required": workbook.add_format(REQUIRED_FORMAT),
            "text": workbook.add_format({"num_format": "@"}),
            "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
            "number": workbook.add_format({"num_format": "#,##0.00"}),
        }
        example = self._example_values(wizards[:1].company_id or self.env.company)
        notes = self._column_notes()
        for index, column in enumerate(COLUMNS):
            style = formats["text"] if column.key in TEXT_KEYS else None
            sheet.set_column(index, index, 16 if column.kind != "text" else 20, style)
            sheet.write(0, index, column.label(self.env), formats["required" if column.required else "header"])
            sheet.write_comment(0, index, notes[column.key], {"x_scale": 2, "y_scale": 1.5})
            value = example.get(column.key)
            if isinstance(value, datetime.date):
                sheet.write_datetime(1, index, datetime.datetime.combine(value, datetime.time()), formats["date"])
            elif isinstance(value, float):
                sheet.write_number(1, index, value, formats["number"])
            elif value is not None:
                sheet.write_string(1, index, value, style)
        sheet.freeze_panes(1, 0)

    def _example_values(self, company):
        """One buyer of a signed contract, on one of the company's available units and plans if it has them."""
        unit = self.env["realty.unit"].search([("company_id", "=", company.id), ("state", "=", "available")], limit=1)
        plan = self.env["realty.payment.plan"].search([("company_id", "=", company.id)], limit=1)
        chinese = (self.env.lang or "").startswith("zh")
        price = unit.total_price or 2_000_000.0
        return {
            "legacy_ref": "HT-2019-0001",
            "project": unit.project_id.name or ("翠湖花园" if chinese else "Green Lake Garden"),
            "building": unit.building_id.code or "1",
            "unit": unit.name or "1-1203",
            "payment_plan": plan.name or self.env._("Full Payment"),
            "price": price,
            "deposit": 50_000.0 if price > 50_000 else 0.0,
            "date_signed": fields.Date.context_today(self) - datetime.timedelta(days=365),
            "state": self._selection_label("realty.contract", "state", "signed"),
            "salesperson": self.env.user.login,
            "buyer_name": "张三" if chinese else "Zhang San",
            "id_type": self._selection_label("realty.contract.buyer", "id_type", "id_card"),
            "id_number": EXAMPLE_ID_NUMBER,
            "phone": "13800138000",
            "share": 100.0,
            "is_main": "是" if chinese else self.env._("Yes"),
        }

    def _selection_label(self, model, name, key):
        return dict(self.env[model]._fields[name]._description_selection(self.env))[key]

    def _column_notes(self):
        _ = self.env._
        return {
            "legacy_ref": _(
                "Required. The contract's number in the former system; rows with the same number are "
                "the buyers of one contract. A number imported before is skipped."
            ),
            "project": _("Required. The project's name or code."),
            "building": _("Required. The building's code or name in the project."),
            "unit": _(
                "Required. The unit number as the sales board shows it (1-1203), or 1203 in building 1. "
                "The unit must be available."
            ),
            "payment_plan": _("Required. The name of the payment plan."),
            "price": _("Required. The contract price, more than 0."),
            "deposit": _(
                "The deposit already paid: at least 0 and less than the price. It is the first "
                "installment; the plan splits the rest."
            ),
            "date_signed": _("Required. The signing date, not in the future."),
            "state": _("Signed (default), Registered or Delivered."),
            "registration_no": _("The registration (网签备案) number; required for a registered contract."),
            "registration_date": _("The registration date, on or after the signing date."),
            "date_delivered": _("The handover date; required for, and only for, a delivered contract."),
            "salesperson": _("The salesperson's login or name; empty: you."),
            "buyer_name": _("Required. The buyer's name: one row per buyer."),
            "id_type": _("ID Card (default), Passport, or a Mainland Travel Permit."),
            "id_number": _("Required. The ID number; a resident ID card number must have a valid check digit."),
            "phone": _("The buyer's phone."),
            "share": _("The buyer's share in %; the shares of a contract total 100. Empty for a single buyer."),
            "is_main": _("Yes for the main buyer (exactly one per contract); empty: the contract's first row."),
        }
