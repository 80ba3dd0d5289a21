from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.realty_sales.models.realty_payment_plan_line import PAYMENT_KINDS


class RealtyInstallment(models.Model):
    """One payment of a contract's schedule (付款节点): generated at signing, changed only by the contract's
    actions. realty_finance bills it."""

    _name = "realty.installment"
    _description = "Installment"
    _inherit = ["realty.action.guard.mixin"]
    _order = "contract_id, sequence, id"

    contract_id = fields.Many2one("realty.contract", "Contract", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="contract_id.currency_id")
    partner_id = fields.Many2one(related="contract_id.partner_id", string="Main Buyer")
    sequence = fields.Integer(default=10)
    name = fields.Char("Label", required=True)
    kind = fields.Selection(PAYMENT_KINDS, "Kind", required=True, default="installment")
    date_due = fields.Date("Due Date", required=True)
    amount = fields.Monetary("Amount", required=True)

    _amount_positive = models.Constraint("CHECK(amount >= 0)", "An installment cannot be negative.")

    @api.model
    def _action_only_fields(self):
        return super()._action_only_fields() | {"contract_id", "sequence", "name", "kind", "date_due", "amount"}

    def unlink(self):
        if not self._in_action():
            raise UserError(self.env._("Installments change only through their contract's actions."))
        return super().unlink()
