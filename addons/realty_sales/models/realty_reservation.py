from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

RESERVATION_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To Approve"),
    ("confirmed", "Confirmed"),
    ("converted", "Converted"),
    ("cancelled", "Cancelled"),
    ("expired", "Expired"),
]
LIVE_STATES = ("confirmed", "converted")


class RealtyReservation(models.Model):
    """A reservation (认购): a customer's claim on one unit at an agreed price, guarded by PostgreSQL."""

    _name = "realty.reservation"
    _description = "Reservation"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char("Reference", required=True, readonly=True, copy=False, default="/")
    unit_id = fields.Many2one(
        "realty.unit",
        "Unit",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain="[('state', '=', 'available')]",
    )
    project_id = fields.Many2one(related="unit_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="unit_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="unit_id.currency_id")
    partner_id = fields.Many2one("res.partner", "Customer", required=True, index=True, tracking=True)
    user_id = fields.Many2one(
        "res.users", "Salesperson", required=True, index=True, tracking=True, default=lambda self: self.env.user
    )
    lead_id = fields.Many2one("crm.lead", "Lead", index=True)
    payment_plan_id = fields.Many2one(
        "realty.payment.plan", "Payment Plan", required=True, check_company=True, tracking=True
    )
    list_price = fields.Monetary("Standard Total Price", compute="_compute_list_price", store=True, readonly=False)
    plan_discount = fields.Float(related="payment_plan_id.discount", string="Plan Discount (%)")
    discount = fields.Float("Extra Discount (%)", digits=(5, 2), tracking=True)
    price = fields.Monetary("Agreed Price", compute="_compute_price", store=True, tracking=True)
    deposit_amount = fields.Monetary("Deposit", tracking=True)
    date_reservation = fields.Datetime("Reserved On", readonly=True, copy=False)
    date_expiry = fields.Datetime("Hold Until", copy=False, tracking=True)
    state = fields.Selection(
        RESERVATION_STATES, "Status", required=True, default="draft", index=True, tracking=True, copy=False
    )
    approver_id = fields.Many2one("res.users", "Approved By", readonly=True, copy=False)
    note = fields.Text("Notes")

    _live_unit_uniq = models.UniqueIndex(
        "(unit_id) WHERE state IN ('confirmed', 'converted')",
        "This unit already has a live reservation.",
    )
    _discount_range = models.Constraint(
        "CHECK(discount >= 0 AND discount < 100)", "The extra discount must be between 0 and 100 %."
    )
    _amounts_positive = models.Constraint(
        "CHECK(deposit_amount >= 0 AND price >= 0)", "The price and the deposit cannot be negative."
    )

    # ------------------------------------------------------------------
    # COMPUTE
    # ------------------------------------------------------------------

    @api.depends("unit_id")
    def _compute_list_price(self):
        for reservation in self:
            reservation.list_price = reservation.unit_id.total_price

    @api.depends("list_price", "payment_plan_id.discount", "discount")
    def _compute_price(self):
        for reservation in self:
            factor = (1 - reservation.plan_discount / 100.0) * (1 - reservation.discount / 100.0)
            reservation.price = reservation.currency_id.round(reservation.list_price * factor)

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("realty.reservation") or "/"
        return super().create(vals_list)

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    def action_confirm(self):
        """Reserve the unit, or ask a sales manager first when the extra discount is above the limit."""
        self._check_state("draft")
        needs_approval = self.filtered(lambda r: r.discount > r.company_id.realty_discount_limit)
        if needs_approval:
            needs_approval._request_approval()
        (self - needs_approval)._reserve_units()
        return True

    def action_approve(self):
        self._check_state("to_approve")
        self.check_access("write")
        self.env["realty.unit"].check_access("write")  # approving is a sales manager's right
        self.write({"approver_id": self.env.user.id})
        self.activity_feedback(["mail.mail_activity_data_todo"])
        self._reserve_units()
        return True

    def action_reject(self):
        self._check_state("to_approve")
        self.env["realty.unit"].check_access("write")
        self.write({"state": "draft"})
        self.activity_unlink(["mail.mail_activity_data_todo"])
        for reservation in self:
            reservation.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=reservation.user_id.id,
                summary=self.env._(
                    "Discount rejected: offer %(limit)s %% at most", limit=reservation.company_id.realty_discount_limit
                ),
            )
        return True

    def action_cancel(self):
        self._check_state("draft", "to_approve", "confirmed")
        live = self.filtered(lambda r: r.state == "confirmed")
        self.write({"state": "cancelled"})
        live._release_units()
        return True

    def action_reset_to_draft(self):
        self._check_state("cancelled", "expired")
        self.write({"state": "draft"})
        return True

    # ------------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------------

    def _check_state(self, *states):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for reservation in self:
            if reservation.state not in states:
                raise UserError(
                    self.env._(
                        "Reservation %(name)s is %(state)s; this needs it to be %(expected)s.",
                        name=reservation.name,
                        state=labels[reservation.state],
                        expected=" / ".join(labels[state] for state in states),
                    )
                )

    def _request_approval(self):
        managers = self.env.ref("realty_base.group_realty_manager").all_user_ids
        self.write({"state": "to_approve"})
        for reservation in self:
            approver = (managers & reservation.user_id.sale_team_id.user_id) or managers[:1]
            reservation.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=approver[:1].id or self.env.uid,
                summary=self.env._(
                    "Approve an extra discount of %(discount)s %% on %(unit)s",
                    discount=reservation.discount,
                    unit=reservation.unit_id.name,
                ),
            )

    def _reserve_units(self):
        """Reserve each unit under a row lock, or refuse naming who holds it. One transaction decides.

        Behind the lock, the partial unique index on live reservations refuses a second one whatever the code
        path; the RPC layer reports that as the index's message.
        """
        for reservation in self:
            unit = reservation.unit_id.sudo()  # the unit's state follows its reservation, whoever confirms it
            try:
                unit._change_state("reserved")  # locks the row, then rereads and checks the state
            except UserError:
                raise UserError(reservation._unit_taken_message()) from None
            reservation.write(reservation._prepare_confirm_values(unit))

    def _prepare_confirm_values(self, unit):
        now = fields.Datetime.now()
        return {
            "state": "confirmed",
            "date_reservation": now,
            "date_expiry": self.date_expiry or now + timedelta(hours=self.project_id.reservation_hold_hours),
            "list_price": unit.total_price,
        }

    def _unit_taken_message(self):
        # the holder is usually another salesperson's reservation, which record rules hide: only its name is shown
        holder = self.sudo().search(
            [("unit_id", "=", self.unit_id.id), ("state", "in", LIVE_STATES), ("id", "!=", self.id)], limit=1
        )
        unit = self.unit_id
        if holder:
            return self.env._(
                "Unit %(unit)s is already reserved by %(salesperson)s (%(reservation)s).",
                unit=unit.name,
                salesperson=holder.user_id.name,
                reservation=holder.name,
            )
        state = unit._state_labels()[unit.sudo().state]
        return self.env._("Unit %(unit)s is %(state)s and cannot be reserved.", unit=unit.name, state=state)

    def _release_units(self):
        self.unit_id.sudo().filtered(lambda unit: unit.state == "reserved")._change_state("available")

    @api.model
    def _cron_expire(self):
        expired = self.search([("state", "=", "confirmed"), ("date_expiry", "<", fields.Datetime.now())])
        expired.write({"state": "expired"})
        expired._release_units()
        body = self.env._("The hold ran out: the unit is on sale again.")
        expired._message_log_batch(bodies=dict.fromkeys(expired.ids, body))
        for reservation in expired:
            reservation.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=reservation.user_id.id,
                summary=self.env._("Reservation %(name)s expired", name=reservation.name),
            )
        return expired

    @api.model
    def _action_new(self, context):
        action = self.env["ir.actions.act_window"]._for_xml_id("realty_sales.realty_reservation_action")
        action.update({"views": [(False, "form")], "view_mode": "form", "target": "current", "context": context})
        return action
