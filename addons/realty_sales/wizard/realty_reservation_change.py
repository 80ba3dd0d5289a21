from odoo import api, fields, models


class RealtyReservationChange(models.TransientModel):
    """A sales manager's explicit, reasoned change of a confirmed reservation's terms (the only way after confirming).

    The unit is not changed here: moving the buyer to another unit is a cancellation and a new reservation.
    """

    _name = "realty.reservation.change"
    _description = "Change Reservation Terms"

    reservation_id = fields.Many2one("realty.reservation", "Reservation", required=True, readonly=True)
    currency_id = fields.Many2one(related="reservation_id.currency_id")
    list_price = fields.Monetary(related="reservation_id.list_price")
    old_price = fields.Monetary(related="reservation_id.price", string="Current Agreed Price")
    partner_id = fields.Many2one("res.partner", "Customer", required=True)
    payment_plan_id = fields.Many2one(
        "realty.payment.plan",
        "Payment Plan",
        required=True,
        domain="[('company_id', '=', company_id)]",
    )
    company_id = fields.Many2one(related="reservation_id.company_id")
    discount = fields.Float("Extra Discount (%)", digits=(5, 2))
    deposit_amount = fields.Monetary("Deposit")
    new_price = fields.Monetary("New Agreed Price", compute="_compute_new_price")
    reason = fields.Text("Reason", required=True)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        reservation = self.env["realty.reservation"].browse(values.get("reservation_id"))
        if reservation:
            values.setdefault("partner_id", reservation.partner_id.id)
            values.setdefault("payment_plan_id", reservation.payment_plan_id.id)
            values.setdefault("discount", reservation.discount)
            values.setdefault("deposit_amount", reservation.deposit_amount)
        return values

    @api.depends("payment_plan_id", "discount", "reservation_id")
    def _compute_new_price(self):
        for change in self:
            change.new_price = change.reservation_id._price_for(
                change.list_price, change.payment_plan_id.discount, change.discount
            )

    def action_apply(self):
        self.ensure_one()
        reservation = self.reservation_id
        reservation._check_state("confirmed")
        reservation._check_approver(self.env._("Only a sales manager can change the terms of a confirmed reservation."))
        old_price = reservation.price
        reservation._action_env().write(self._prepare_reservation_values())
        reservation._check_confirmable()
        reservation.message_post(
            body=self.env._(
                "Terms changed by %(user)s (agreed price %(old)s → %(new)s): %(reason)s",
                user=self.env.user.name,
                old=reservation._format_amount(old_price),
                new=reservation._format_amount(reservation.price),
                reason=self.reason,
            )
        )
        reservation._after_reserve()  # the lead follows the new agreed price
        return {"type": "ir.actions.act_window_close"}

    def _prepare_reservation_values(self):
        return {
            "partner_id": self.partner_id.id,
            "payment_plan_id": self.payment_plan_id.id,
            "plan_discount": self.payment_plan_id.discount,
            "discount": self.discount,
            "deposit_amount": self.deposit_amount,
            "approver_id": self.env.user.id,
        }
