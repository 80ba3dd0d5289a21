from odoo import fields, models


class RealtyContract(models.Model):
    """The number a contract had in the system it was imported from (wizard ``realty.contract.import``): a file
    imported twice finds its contracts by it and creates nothing new."""

    _inherit = "realty.contract"

    legacy_ref = fields.Char(
        "Legacy Ref.", readonly=True, index=True, copy=False, help="The contract's number in the former system."
    )

    _legacy_ref_uniq = models.UniqueIndex(
        "(company_id, legacy_ref) WHERE legacy_ref IS NOT NULL",
        "A contract with this legacy reference was already imported in this company.",
    )
