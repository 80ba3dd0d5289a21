from odoo import api, fields, models

from .realty_contract_buyer import ID_TYPES


class RealtyContractAmendmentBuyer(models.Model):
    """A buyer as a 更名 amendment requests it; copied to the contract's buyers when the amendment is applied."""

    _name = "realty.contract.amendment.buyer"
    _description = "Contract Amendment Buyer"
    _order = "amendment_id, is_main desc, sequence, id"

    amendment_id = fields.Many2one(
        "realty.contract.amendment", "Amendment", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="amendment_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    partner_id = fields.Many2one("res.partner", "Buyer", required=True)
    id_type = fields.Selection(ID_TYPES, "ID Type", required=True, default="id_card")
    id_number = fields.Char("ID Number")
    phone = fields.Char("Phone")
    share = fields.Float("Share (%)", digits=(5, 2))
    is_main = fields.Boolean("Main Buyer")

    _share_range = models.Constraint("CHECK(share >= 0 AND share <= 100)", "A share must be between 0 and 100 %.")

    @api.constrains("id_type", "id_number")
    def _check_id_number(self):
        for line in self:  # the same validation as the contract's buyers
            self.env["realty.contract.buyer"].new(line._prepare_buyer_values())._check_id_number()

    def _check_identity(self):
        for line in self:
            self.env["realty.contract.buyer"].new(line._prepare_buyer_values())._check_identity()

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        self.phone = self.partner_id.phone

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("id_number"):
                vals["id_number"] = vals["id_number"].strip().upper()
        lines = super().create(vals_list)
        lines.amendment_id._check_lines_editable()
        return lines

    def write(self, vals):
        if vals.get("id_number"):
            vals["id_number"] = vals["id_number"].strip().upper()
        self.amendment_id._check_lines_editable()
        result = super().write(vals)
        self.amendment_id._check_lines_editable()
        return result

    def unlink(self):
        self.amendment_id._check_lines_editable()
        return super().unlink()

    def _prepare_buyer_values(self):
        return {
            "sequence": self.sequence,
            "partner_id": self.partner_id.id,
            "id_type": self.id_type,
            "id_number": self.id_number,
            "phone": self.phone,
            "share": self.share,
            "is_main": self.is_main,
        }
