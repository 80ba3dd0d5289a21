from odoo import api, fields, models


class RealtyContractBuyer(models.Model):
    """A buyer of a contract (买受人): the main buyer or a co-buyer, identified, with an ownership share."""

    _name = "realty.contract.buyer"
    _inherit = ["realty.buyer.identity.mixin"]
    _description = "Contract Buyer"
    _order = "contract_id, is_main desc, sequence, id"

    contract_id = fields.Many2one("realty.contract", "Contract", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)

    _share_range = models.Constraint("CHECK(share >= 0 AND share <= 100)", "A share must be between 0 and 100 %.")

    # ------------------------------------------------------------------
    # CRUD (frozen with their contract once it is signed)
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self._in_contract_action():
            self.env["realty.contract"].browse({vals.get("contract_id") for vals in vals_list})._check_buyers_editable()
        return super().create(vals_list)

    def write(self, vals):
        if not self._in_contract_action():
            self.contract_id._check_buyers_editable()
            if "contract_id" in vals:
                self.contract_id.browse(vals["contract_id"])._check_buyers_editable()
        return super().write(vals)

    def unlink(self):
        if not self._in_contract_action():
            self.contract_id._check_buyers_editable()
        return super().unlink()

    def _in_contract_action(self):
        return self.env["realty.contract"]._in_action()
