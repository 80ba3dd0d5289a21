from odoo import api, fields, models


class RealtyReservation(models.Model):
    """The deposit (定金) as money: a customer payment received before any invoice (预收款), applied to the first
    invoice of the contract the reservation becomes."""

    _inherit = "realty.reservation"

    deposit_payment_ids = fields.One2many("account.payment", "realty_reservation_id", "Deposit Payments", readonly=True)
    deposit_received = fields.Monetary("Deposit Received", compute="_compute_deposit_received")

    @api.depends("deposit_payment_ids.amount", "deposit_payment_ids.state")
    def _compute_deposit_received(self):
        for reservation in self:
            payments = reservation.sudo().deposit_payment_ids.filtered(
                lambda payment: payment.state not in ("draft", "canceled", "rejected")
            )
            reservation.deposit_received = sum(payments.mapped("amount"))

    def action_receive_deposit(self):
        """Record the deposit received for this reservation (an advance receipt, no invoice)."""
        self.ensure_one()
        self._check_state("confirmed", "converted")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Receive Deposit"),
            "res_model": "realty.payment.receive",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_reservation_id": self.id},
        }
