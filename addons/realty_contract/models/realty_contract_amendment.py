from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

AMENDMENT_KINDS = [
    ("unit_change", "Unit Change"),
    ("buyers", "Buyer Change"),
    ("price_plan", "Price or Payment Plan Change"),
]
AMENDMENT_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To Approve"),
    ("applied", "Applied"),
    ("rejected", "Rejected"),
    ("cancelled", "Cancelled"),
]
AMENDABLE_CONTRACT_STATES = ("signed", "registered")
# 换房 moves to an available unit, or to one that a confirmed reservation of the contract's main buyer holds
NEW_UNIT_DOMAIN = (
    "['|', ('state', '=', 'available'), '&', ('state', '=', 'reserved'), "
    "('reservation_ids', 'any', [('state', '=', 'confirmed'), ('partner_id', '=', contract_partner_id)])]"
)


class RealtyContractAmendment(models.Model):
    """A change of a signed contract (换房 / 更名 / price or plan): requested with a reason by the contract's
    salesperson, approved by a sales manager, applied in one transaction, kept with its before/after values."""

    _name = "realty.contract.amendment"
    _description = "Contract Amendment"
    _inherit = ["mail.thread", "realty.action.guard.mixin"]
    _order = "id desc"
    _check_company_auto = True

    contract_id = fields.Many2one(
        "realty.contract", "Contract", required=True, index=True, ondelete="cascade", check_company=True, tracking=True
    )
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="contract_id.currency_id")
    contract_partner_id = fields.Many2one(related="contract_id.partner_id", string="Main Buyer")
    kind = fields.Selection(AMENDMENT_KINDS, "Kind", required=True, default="price_plan", tracking=True)
    reason = fields.Text("Reason", required=True, tracking=True)
    state = fields.Selection(
        AMENDMENT_STATES, "Status", required=True, default="draft", index=True, tracking=True, copy=False
    )
    requested_by_id = fields.Many2one(
        "res.users", "Requested By", readonly=True, copy=False, default=lambda self: self.env.user
    )
    approved_by_id = fields.Many2one("res.users", "Decided By", readonly=True, copy=False, tracking=True)
    date_decided = fields.Datetime("Decided On", readonly=True, copy=False)
    # the request, per kind
    new_unit_id = fields.Many2one("realty.unit", "New Unit", check_company=True, domain=NEW_UNIT_DOMAIN)
    new_unit_price = fields.Monetary(
        "New Unit's Price",
        compute="_compute_new_unit_price",
        store=True,
        readonly=True,
        help="The new unit's standard total price with the contract's plan and extra discounts.",
    )
    price_difference = fields.Monetary(
        "Price Difference",
        compute="_compute_new_unit_price",
        store=True,
        readonly=True,
        help="The new unit's price minus the contract price.",
    )
    new_buyer_ids = fields.One2many("realty.contract.amendment.buyer", "amendment_id", "New Buyers", copy=True)
    new_price = fields.Monetary("New Contract Price")
    new_payment_plan_id = fields.Many2one("realty.payment.plan", "New Payment Plan")
    # the history
    summary_before = fields.Text("Before", readonly=True, copy=False)
    summary_after = fields.Text("After", readonly=True, copy=False)

    # ------------------------------------------------------------------
    # COMPUTE / CONSTRAINTS
    # ------------------------------------------------------------------

    @api.depends("new_unit_id", "contract_id")
    def _compute_new_unit_price(self):
        for amendment in self:
            price = amendment._unit_change_price() if amendment.new_unit_id else 0.0
            amendment.new_unit_price = price
            amendment.price_difference = price - amendment.contract_id.price if amendment.new_unit_id else 0.0

    @api.depends("contract_id.name", "kind")
    def _compute_display_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for amendment in self:
            amendment.display_name = f"{amendment.contract_id.name or ''} / {labels.get(amendment.kind, '')}"

    @api.constrains("contract_id")
    def _check_contract_state(self):
        for amendment in self.filtered(lambda a: a.state in ("draft", "to_approve")):
            amendment._check_contract_amendable()

    # ------------------------------------------------------------------
    # CRUD (the guard: state, decision and history are written by the actions only)
    # ------------------------------------------------------------------

    @api.model
    def _action_only_fields(self):
        return super()._action_only_fields() | {
            "state",
            "requested_by_id",
            "approved_by_id",
            "date_decided",
            "summary_before",
            "summary_after",
            "new_unit_price",
            "price_difference",
        }

    def _frozen_fields(self):
        frozen = super()._frozen_fields()
        if self.state != "draft":  # the request and its history are kept as they were decided
            frozen |= {name for name, field in self._fields.items() if field.store}
            frozen -= set(self.env["mail.thread"]._fields)
        return frozen

    def unlink(self):
        if any(amendment.state not in ("draft", "cancelled") for amendment in self):
            raise UserError(self.env._("Only draft or cancelled amendments can be deleted."))
        return super().unlink()

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    def action_submit(self):
        """Ask a sales manager to approve the change."""
        self.check_access("write")
        self._check_amendment_state("draft")
        for amendment in self:
            amendment._check_request()
        self._action_env().write({"state": "to_approve"})
        return True

    def action_approve(self):
        """A sales manager approves: the change is applied to the contract now, in this transaction."""
        self._check_decider()
        self._check_amendment_state("to_approve")
        for amendment in self:
            amendment._apply()
        return True

    def action_reject(self):
        self._check_decider()
        self._check_amendment_state("to_approve")
        self._action_env().write(self._prepare_decision_values("rejected"))
        return True

    def action_cancel(self):
        self.check_access("write")
        self._check_amendment_state("draft", "to_approve")
        self._action_env().write({"state": "cancelled"})
        return True

    # ------------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------------

    def _check_decider(self):
        self.check_access("write")
        if not (self.env.su or self.env["realty.reservation"]._is_sales_manager()):
            raise AccessError(self.env._("Only a sales manager can approve or reject a contract amendment."))

    def _check_amendment_state(self, *states):
        for amendment in self:
            if amendment.state not in states:
                raise UserError(
                    self.env._(
                        "Amendment %(name)s is %(state)s: this cannot be done any more.",
                        name=amendment.display_name,
                        state=amendment._guard_state_label(),
                    )
                )

    def _check_lines_editable(self):
        """The requested buyers change with their amendment's draft only."""
        for amendment in self.exists():
            if amendment.state != "draft":
                raise UserError(
                    self.env._(
                        "Amendment %(name)s is %(state)s: its buyers can no longer be changed.",
                        name=amendment.display_name,
                        state=amendment._guard_state_label(),
                    )
                )

    def _check_contract_amendable(self):
        contract = self.contract_id
        if contract.state not in AMENDABLE_CONTRACT_STATES:
            raise ValidationError(
                self.env._(
                    "Contract %(contract)s is %(state)s: only signed or registered contracts are amended.",
                    contract=contract.name,
                    state=contract._guard_state_label(),
                )
            )

    def _check_request(self):
        """The request is complete and coherent for its kind (checked at submission and again when applied)."""
        self.ensure_one()
        self._check_contract_amendable()
        getattr(self, f"_check_request_{self.kind}")()

    def _check_request_unit_change(self):
        unit = self.new_unit_id
        if not unit:
            raise UserError(self.env._("Choose the new unit."))
        if unit.state == "reserved" and not self._reservation_to_absorb():
            raise UserError(
                self.env._(
                    "Unit %(unit)s is reserved for another buyer: the contract can only move to a unit that is "
                    "available or reserved for its main buyer %(buyer)s.",
                    unit=unit.display_name,
                    buyer=self.contract_id.partner_id.display_name,
                )
            )
        if unit == self.contract_id.unit_id or unit.state not in ("available", "reserved"):
            raise UserError(
                self.env._(
                    "Unit %(unit)s is not available: the contract can only move to an available unit or one "
                    "reserved for its main buyer.",
                    unit=unit.display_name,
                )
            )

    def _reservation_to_absorb(self):
        """The confirmed reservation of the contract's main buyer that holds the new unit (the office reserved the
        new flat for the same buyer first), whoever's reservation it is; empty if none."""
        return (
            self.env["realty.reservation"]
            .sudo()
            .search(
                [
                    ("unit_id", "=", self.new_unit_id.id),
                    ("state", "=", "confirmed"),
                    ("partner_id", "=", self.contract_id.partner_id.id),
                ],
                limit=1,
            )
        )

    def _check_request_buyers(self):
        self.new_buyer_ids._check_buyer_set(self.contract_id.name)

    def _check_request_price_plan(self):
        if not (self.new_price or self.new_payment_plan_id):
            raise UserError(self.env._("Enter the new price or choose the new payment plan."))
        if self.new_price < 0:
            raise UserError(self.env._("The new contract price cannot be negative."))

    def _apply(self):
        """Apply the approved change in this transaction; the contract's chatter logs it with before/after, and the
        PDF of the amended terms is stored next to the earlier ones with its SHA-256."""
        self.ensure_one()
        self._check_request()
        contract = self.contract_id
        before = self._summarize(contract)
        getattr(self, f"_apply_{self.kind}")(contract._action_env())
        after = self._summarize(contract)
        self._action_env().write(
            {**self._prepare_decision_values("applied"), "summary_before": before, "summary_after": after}
        )
        contract.message_post(body=self._apply_message(before, after))
        contract._store_current_pdf()

    def _prepare_decision_values(self, state):
        return {"state": state, "approved_by_id": self.env.uid, "date_decided": fields.Datetime.now()}

    def _apply_unit_change(self, contract):
        """换房: the new unit is contracted (locked and reread first), the old one is on sale again, the contract's
        frozen copies follow the new unit and the schedule is regenerated. Its reservation moves with it, unless the
        new unit is reserved for the main buyer: that reservation is then absorbed by the contract."""
        new_unit, old_unit = self.new_unit_id.sudo(), contract.unit_id.sudo()
        absorbed = self._reservation_to_absorb()
        new_unit._change_state("contracted", from_state="reserved" if absorbed else "available")
        old_unit._change_state("available", from_state="contracted")
        price = self._unit_change_price()
        if absorbed:
            self._absorb_reservation(contract, absorbed)
        else:
            self._move_reservation(contract.reservation_id, new_unit)
        contract.write({**contract._prepare_unit_copy_values(new_unit), "price": price})
        contract._regenerate_installments()

    def _move_reservation(self, reservation, unit):
        """The converted reservation holds its contract's unit (unique index); its agreed terms stay as they were."""
        terms = {name: reservation[name] for name in ("list_price", "plan_discount", "price")}
        reservation._action_env().write({"unit_id": unit.id})
        reservation._action_env().write(terms)

    def _absorb_reservation(self, contract, reservation):
        """The main buyer's reservation of the new unit becomes the contract's (converted); the one of the old unit
        is cancelled, so that the unit on sale again can be reserved."""
        reservation._lock_rows()
        reservation._check_state("confirmed")
        old = contract.reservation_id
        old._action_env().write({"state": "cancelled"})
        reservation._action_env().write({"state": "converted"})
        contract.write({"reservation_id": reservation.id})
        old.message_post(
            body=self.env._(
                "Contract %(contract)s moved to unit %(unit)s and goes on from reservation %(reservation)s.",
                contract=contract.name,
                unit=reservation.unit_id.name,
                reservation=reservation.name,
            )
        )

    def _apply_buyers(self, contract):
        """更名: the buyers are replaced by the request's lines."""
        commands = [Command.delete(buyer.id) for buyer in contract.buyer_ids]
        commands += [Command.create(line._identity_values()) for line in self.new_buyer_ids]
        contract.write({"buyer_ids": commands})
        contract._check_signable()

    def _apply_price_plan(self, contract):
        """Price or plan: the unpaid installments are regenerated to sum to the new price."""
        values = {}
        if self.new_price:
            values["price"] = self.new_price
        if self.new_payment_plan_id:
            values.update(payment_plan_id=self.new_payment_plan_id.id, plan_discount=self.new_payment_plan_id.discount)
        contract.write(values)
        contract._regenerate_installments()

    def _unit_change_price(self):
        """The new unit's standard total with the contract's plan and extra discounts, rounded like deals are."""
        contract = self.contract_id
        return (
            self.env["realty.reservation"]
            .new({"unit_id": self.new_unit_id.id})
            ._price_for(self.new_unit_id.total_price, contract.plan_discount, contract.discount)
        )

    def _summarize(self, contract):
        """A readable record of what this kind changes, as it is now (kept on the amendment as before/after)."""
        return "\n".join(f"{label}: {value}" for label, value in self._summary_items(contract))

    def _summary_items(self, contract):
        fmt = self._format_amount
        if self.kind == "buyers":
            main = self.env._("main buyer")
            return [
                (
                    self.env._("Buyer"),
                    f"{b.partner_id.display_name} ({b.id_number or ''}) {b.share:g} %"
                    + (f" [{main}]" if b.is_main else ""),
                )
                for b in contract.buyer_ids
            ]
        items = []
        if self.kind == "unit_change":
            items += [
                (self.env._("Unit"), contract.unit_id.display_name),
                (self.env._("Reservation"), contract.reservation_id.name),
                (self.env._("Gross Area (m²)"), f"{contract.gross_area:.2f}"),
                (self.env._("Standard Total Price"), fmt(contract.list_price)),
            ]
        items += [
            (self.env._("Contract Price"), fmt(contract.price)),
            (self.env._("Payment Plan"), contract.payment_plan_id.display_name),
        ]
        items += [(line.name, f"{line.date_due} {fmt(line.amount)}") for line in contract.installment_ids]
        return items

    def _format_amount(self, amount):
        return f"{self.contract_id.currency_id.symbol or ''}{amount:,.2f}"

    def _apply_message(self, before, after):
        return self.env._(
            "Amendment applied (%(kind)s), approved by %(user)s. Reason: %(reason)s\nBefore:\n%(before)s\nAfter:\n%(after)s",
            kind=dict(self._fields["kind"]._description_selection(self.env))[self.kind],
            user=self.env.user.name,
            reason=self.reason,
            before=before,
            after=after,
        )
