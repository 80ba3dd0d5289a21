from odoo import fields, models
from odoo.exceptions import UserError


class RealtyPaymentReceive(models.TransientModel):
    """Receive Payment for the bank's loan disbursement: the money pays the loan installment, not the oldest."""

    _inherit = "realty.payment.receive"

    mortgage_id = fields.Many2one("realty.mortgage", "Mortgage", readonly=True)

    def action_confirm(self):
        """EXTENDS realty_finance: a disbursement pays the mortgage's loan installments first."""
        if not self.mortgage_id:
            return super().action_confirm()
        self.ensure_one()
        if self.currency_id.compare_amounts(self.amount, 0) <= 0:
            raise UserError(self.env._("Enter the amount received."))
        payment = self.mortgage_id._register_disbursement(self._prepare_payment_values())
        return payment._get_records_action(name=self.env._("Payment"))
