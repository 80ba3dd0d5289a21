from odoo import fields, models


class RealtyContractImportLine(models.TransientModel):
    """One finding of a contract import: an error of a row, or a contract skipped because it was imported before."""

    _name = "realty.contract.import.line"
    _description = "Contract Import Finding"
    _order = "kind, row, id"

    wizard_id = fields.Many2one("realty.contract.import", "Import", required=True, ondelete="cascade")
    kind = fields.Selection([("error", "Error"), ("skipped", "Skipped")], "Kind", required=True, default="error")
    row = fields.Integer("Row", help="The row number as Excel shows it (the headers are row 1).")
    legacy_ref = fields.Char("Legacy Ref.")
    message = fields.Char("Reason")
