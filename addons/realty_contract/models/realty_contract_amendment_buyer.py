from odoo import api, fields, models


class RealtyContractAmendmentBuyer(models.Model):
    """A buyer as a 更名 amendment requests it; copied to the contract's buyers when the amendment is applied."""

    _name = "realty.contract.amendment.buyer"
    _inherit = ["realty.buyer.identity.mixin"]
    _description = "Contract Amendment Buyer"
    _order = "amendment_id, is_main desc, sequence, id"

    amendment_id = fields.Many2one(
        "realty.contract.amendment", "Amendment", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="amendment_id.company_id", store=True, index=True)

    _share_range = models.Constraint("CHECK(share >= 0 AND share <= 100)", "A share must be between 0 and 100 %.")

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.amendment_id._check_lines_editable()
        return lines

    def write(self, vals):
        self.amendment_id._check_lines_editable()
        result = super().write(vals)
        self.amendment_id._check_lines_editable()
        return result

    def unlink(self):
        self.amendment_id._check_lines_editable()
        return super().unlink()
