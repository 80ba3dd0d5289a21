from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

RESERVATION_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To Approve"),
    ("confirmed", "Confirmed"),
    ("converted", "Converted"),
    ("cancelled", "Cancelled"),
    ("expired", "Expired"),
]
LIVE_STATES = ("to_approve", "confirmed", "converted")  # the unit is taken: pending approval or reserved
TERMS_FIELDS = frozenset(
    ("unit_id", "partner_id", "user_id", "lead_id", "payment_plan_id", "discount", "deposit_amount", "date_expiry")
)


class RealtyReservation(models.Model):
    """A reservation (认购): a customer's claim on one unit at an agreed price, guarded by PostgreSQL.

    From the request for approval on, its terms are frozen: the prices are stored values (not computes of the
    plan or the unit) and only the actions write them, whatever a client sends.
    """

    _name = "realty.reservation"
    _description = "Reservation"
    _inherit = ["mail.thread", "mail.activity.mixin", "realty.action.guard.mixin"]
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
    lead_id = fields.Many2one("crm.lead", "Lead", index=True, tracking=True)
    payment_plan_id = fields.Many2one(
        "realty.payment.plan", "Payment Plan", required=True, check_company=True, tracking=True
    )
    list_price = fields.Monetary(
        "Standard Total Price", compute="_compute_list_price", store=True, tracking=True, copy=False
    )
    plan_discount = fields.Float(
        "Plan Discount (%)", digits=(5, 2), compute="_compute_plan_discount", store=True, tracking=True, copy=False
    )
    discount = fields.Float("Extra Discount (%)", digits=(5, 2), tracking=True)
    price = fields.Monetary("Agreed Price", compute="_compute_price", store=True, tracking=True, copy=False)
    deposit_amount = fields.Monetary("Deposit", tracking=True)
    date_reservation = fields.Datetime("Reserved On", readonly=True, copy=False)
    date_expiry = fields.Datetime("Hold Until", copy=False, tracking=True)
    date_closed = fields.Datetime(
        "Released On",
        readonly=True,
        copy=False,
        help="When the reservation last gave its unit back (cancelled, expired or its discount rejected).",
    )
    state = fields.Selection(
        RESERVATION_STATES, "Status", required=True, default="draft", index=True, tracking=True, copy=False
    )
    approver_id = fields.Many2one("res.users", "Approved By", readonly=True, copy=False, tracking=True)
    note = fields.Text("Notes")

    _unit_live_uniq = models.UniqueIndex(
        "(unit_id) WHERE state IN ('to_approve', 'confirmed', 'converted')",
        "This unit already has a live reservation.",
    )
    _discount_range = models.Constraint(
        "CHECK(discount >= 0 AND discount < 100)", "The extra discount must be at least 0 % and below 100 %."
    )
    _amounts_positive = models.Constraint(
        "CHECK(deposit_amount >= 0 AND price >= 0)", "The price and the deposit cannot be negative."
    )

    # ------------------------------------------------------------------
    # COMPUTE (only local fields: editing a unit or a plan never re-prices a reservation)
    # ------------------------------------------------------------------

    @api.depends("unit_id")
    def _compute_list_price(self):
        for reservation in self:
            reservation.list_price = reservation.unit_id.total_price

    @api.depends("payment_plan_id")
    def _compute_plan_discount(self):
        for reservation in self:
            reservation.plan_discount = reservation.payment_plan_id.discount

    @api.depends("list_price", "plan_discount", "discount")
    def _compute_price(self):
        for reservation in self:
            reservation.price = reservation._price_for(
                reservation.list_price, reservation.plan_discount, reservation.discount
            )

    def _price_for(self, list_price, plan_discount, discount):
        return self._round_price(list_price * (1 - plan_discount / 100.0) * (1 - discount / 100.0))

    def _round_price(self, amount):
        """Deals are agreed to the yuan unless the company keeps the fen."""
        company = self.company_id or self.env.company
        if company.realty_price_rounding == "yuan":
            return float(round(amount))
        return (self.currency_id or company.currency_id).round(amount)

    # ------------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------------

    @api.constrains("discount")
    def _check_discount(self):
        for reservation in self:
            if not 0 <= reservation.discount < 100:
                raise ValidationError(
                    self.env._(
                        "The extra discount must be at least 0 %% and below 100 %% (got %(discount)s %%).",
                        discount=reservation.discount,
                    )
                )

    @api.constrains("deposit_amount", "discount", "unit_id", "payment_plan_id")
    def _check_deposit(self):
        for reservation in self:
            if reservation.deposit_amount < 0:
                raise ValidationError(self.env._("The deposit cannot be negative."))
            if reservation.unit_id and reservation.deposit_amount > reservation.price:
                raise ValidationError(
                    self.env._(
                        "The deposit of %(deposit)s is more than the agreed price of %(price)s.",
                        deposit=reservation._format_amount(reservation.deposit_amount),
                        price=reservation._format_amount(reservation.price),
                    )
                )

    def _format_amount(self, amount):
        return f"{(self.currency_id or self.env.company.currency_id).symbol}{amount:,.2f}"

    # ------------------------------------------------------------------
    # CRUD (what forms, imports and RPC may write; the actions write the rest)
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals["name"] = self.env["ir.sequence"].next_by_code("realty.reservation") or "/"
        return super().create(vals_list)

    @api.model
    def _action_only_fields(self):
        return super()._action_only_fields() | {
            "state",
            "approver_id",
            "date_reservation",
            "date_closed",
            "list_price",
            "plan_discount",
            "price",
        }

    def _frozen_fields(self):
        frozen = super()._frozen_fields() | {"name"}
        if self.state != "draft":
            frozen |= TERMS_FIELDS
        return frozen

    def _check_direct_values(self, vals):
        super()._check_direct_values(vals)
        if "discount" in vals:  # before PostgreSQL's CHECK, so that the message names the discount
            self.new({"discount": vals["discount"] or 0.0})._check_discount()
        if self.env.su or self._is_sales_manager():
            return
        if "user_id" in vals and vals["user_id"] != self.env.uid:
            raise UserError(self.env._("Only a sales manager can give a reservation to another salesperson."))
        if vals.get("lead_id"):
            lead = self.env["crm.lead"].browse(vals["lead_id"]).sudo()  # only its owner is read, to refuse
            if lead.user_id and lead.user_id.id != self.env.uid:
                raise UserError(
                    self.env._("Lead %(lead)s belongs to %(user)s.", lead=lead.name, user=lead.user_id.name)
                )
        if vals.get("date_expiry"):
            units = self.env["realty.unit"].browse(vals["unit_id"]) if vals.get("unit_id") else self.unit_id
            for project in units.project_id:
                self._check_hold_limit(project, fields.Datetime.to_datetime(vals["date_expiry"]))

    @api.model
    def _check_hold_limit(self, project, date_expiry):
        """A hold ends in the future and lasts at most the project's hold period from now."""
        now = fields.Datetime.now()
        limit = now + timedelta(hours=project.reservation_hold_hours)
        if date_expiry <= now:
            raise UserError(self.env._("The hold must end in the future."))
        if date_expiry > limit:
            raise UserError(
                self.env._(
                    "A reservation of %(project)s is held for %(hours)s hours at most (until %(limit)s).",
                    project=project.name,
                    hours=project.reservation_hold_hours,
                    limit=fields.Datetime.to_string(limit),
                )
            )

    @api.model
    def _is_sales_manager(self):
        return self.env.user.has_group("realty_base.group_realty_manager")

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    def action_confirm(self):
        """Reserve the unit, or hold it for the deal and ask a sales manager when the discount is above the limit."""
        self._check_state("draft")
        self._check_confirmable()
        needs_approval = self.filtered(lambda r: r.discount > r.company_id.realty_discount_limit)
        if needs_approval:
            needs_approval._request_approval()
        (self - needs_approval)._take_units("reserved", "confirmed")
        return True

    def action_approve(self):
        self._check_state("to_approve")
        self._check_approver()
        self._action_env().write({"approver_id": self.env.user.id})
        self.activity_feedback(["mail.mail_activity_data_todo"])
        self._take_units("reserved", "confirmed")
        return True

    def action_reject(self):
        self._check_state("to_approve")
        self._check_approver()
        self._release("draft")
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
        self.activity_unlink(["mail.mail_activity_data_todo"])
        self._release("cancelled")
        return True

    def action_change_terms(self):
        """Open the sales manager's change of terms (customer, plan, discount, deposit) with its reason."""
        self.ensure_one()
        self._check_state("confirmed")
        self._check_approver(self.env._("Only a sales manager can change the terms of a confirmed reservation."))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change Terms"),
            "res_model": "realty.reservation.change",
            "view_mode": "form",
            "target": "new",
            "context": {"default_reservation_id": self.id},
        }

    def action_reset_to_draft(self):
        self._check_state("cancelled", "expired")
        self._action_env().write({"state": "draft", "approver_id": False})
        return True

    # ------------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------------

    def _check_approver(self, message=None):
        """Approving a discount is a sales manager's right of its own, not a consequence of other write rights."""
        self.check_access("write")
        if not (self.env.su or self._is_sales_manager()):
            raise AccessError(message or self.env._("Only a sales manager can approve or reject a discount."))

    def _print_report_name(self, document):
        """The file name of a printed document, in the user's language (认购书 / 定金收据)."""
        titles = {
            "agreement": self.env._("Reservation Agreement"),
            "deposit_receipt": self.env._("Deposit Receipt"),
        }
        return f"{titles[document]} - {self.name}"

    def _check_confirmable(self):
        """What must hold before a unit is taken: the schedule fits the price, the deposit too, the hold is sane."""
        for reservation in self:
            reservation.payment_plan_id._check_price_covers_fixed(reservation._current_price())
            if reservation.deposit_amount > reservation._current_price():
                raise UserError(
                    self.env._(
                        "The deposit of %(deposit)s is more than the agreed price of %(price)s.",
                        deposit=reservation._format_amount(reservation.deposit_amount),
                        price=reservation._format_amount(reservation._current_price()),
                    )
                )
            if reservation.date_expiry:
                self._check_hold_limit(reservation.project_id, reservation.date_expiry)

    def _current_price(self):
        """The price these terms give at today's list price and plan discount (what confirming will freeze)."""
        if self.state != "draft":
            return self.price
        return self._price_for(self.unit_id.total_price, self.payment_plan_id.discount, self.discount)

    def _request_approval(self):
        """Hold each unit for its deal (pending approval) and ask a manager of the salesperson's team."""
        self._take_units("pending", "to_approve")
        managers = self.env.ref("realty_base.group_realty_manager").all_user_ids
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

    def _take_units(self, unit_state, reservation_state):
        """Move each unit to ``unit_state`` under a row lock, or refuse naming who holds it; freeze the terms.

        Behind the lock, the partial unique index on live reservations refuses a second one whatever the code
        path; the RPC layer reports that as the index's message.
        """
        for reservation in self:
            unit = reservation.unit_id.sudo()  # the unit's state follows its reservation, whoever confirms it
            # a unit pending approval is taken only by the reservation it is held for
            from_state = "pending" if reservation.state == "to_approve" else "available"
            try:
                unit._change_state(unit_state, from_state=from_state)  # locks the row, rereads and checks the state
            except UserError:
                raise UserError(reservation._unit_taken_message()) from None
            reservation._action_env().write(reservation._prepare_take_values(unit, reservation_state))
        self.filtered(lambda r: r.state == "confirmed")._after_reserve()

    def _prepare_take_values(self, unit, reservation_state):
        values = {"state": reservation_state}
        if self.state == "draft":  # freeze the terms as they are now; an approval keeps what was asked for
            now = fields.Datetime.now()
            values |= {
                "date_reservation": now,
                "date_expiry": self.date_expiry or now + timedelta(hours=self.project_id.reservation_hold_hours),
                "list_price": unit.total_price,
                "plan_discount": self.payment_plan_id.discount,
            }
        return values

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

    def _release(self, reservation_state):
        """End these reservations' claim: units back on sale, the reservations in ``reservation_state``."""
        live = self.filtered(lambda r: r.state in ("to_approve", "confirmed"))
        self._action_env().write({"state": reservation_state, "date_closed": fields.Datetime.now()})
        live.unit_id.sudo().filtered(lambda unit: unit.state in ("pending", "reserved"))._change_state("available")
        live._after_release()

    def _after_reserve(self):
        """Hook: these reservations just reserved their units."""
        self.lead_id._realty_on_reservation_confirmed()

    def _after_release(self):
        """Hook: these reservations gave their units back (cancelled, rejected or expired)."""
        self.lead_id._realty_on_reservation_released()

    @api.model
    def _cron_expire(self):
        # a deal waiting for approval holds its unit no longer than a confirmed one
        expired = self.search(
            [("state", "in", ("to_approve", "confirmed")), ("date_expiry", "<", fields.Datetime.now())]
        )
        expired._release("expired")
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
