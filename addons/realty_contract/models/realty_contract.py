from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

CONTRACT_STATES = [
    ("draft", "Draft"),
    ("signed", "Signed"),
    ("registered", "Registered"),
    ("delivered", "Delivered"),
    ("terminated", "Terminated"),
    ("cancelled", "Cancelled"),
]
LIVE_STATES = ("draft", "signed", "registered", "delivered")  # the contract holds its unit
# what signing freezes: copied from the reservation and the unit, written only by the actions
FROZEN_COPIES = frozenset(
    (
        "reservation_id",
        "unit_id",
        "user_id",
        "payment_plan_id",
        "layout_id",
        "gross_area",
        "inner_area",
        "shared_area",
        "unit_price",
        "list_price",
        "plan_discount",
        "discount",
        "price",
        "deposit_amount",
    )
)
# fields that each later step still needs, per state; everything else is frozen once the contract leaves draft
STEP_FIELDS = {
    "signed": {"registration_no", "registration_date", "termination_reason", "termination_date"},
    "registered": {"termination_reason", "termination_date"},
}
EDITABLE_AFTER_SIGNING = frozenset({"note"})


class RealtyContract(models.Model):
    """A purchase contract (购房合同): the reservation's terms and the unit as they were at signing.

    The copies are plain stored fields written once, from the reservation, by ``realty.reservation``'s
    ``action_create_contract``: editing the unit, its prices or the plan later never changes a contract. From
    signing on, only the actions write (``realty.action.guard.mixin``), whatever a client sends.
    """

    _name = "realty.contract"
    _description = "Purchase Contract"
    _inherit = ["mail.thread", "mail.activity.mixin", "realty.action.guard.mixin"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char("Contract No.", required=True, readonly=True, copy=False, default="/")
    reservation_id = fields.Many2one("realty.reservation", "Reservation", required=True, readonly=True, index=True)
    unit_id = fields.Many2one("realty.unit", "Unit", required=True, readonly=True, index=True, check_company=True)
    project_id = fields.Many2one(related="unit_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="unit_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="unit_id.currency_id")
    partner_id = fields.Many2one(
        "res.partner", "Main Buyer", compute="_compute_partner_id", store=True, index=True, tracking=True
    )
    user_id = fields.Many2one("res.users", "Salesperson", required=True, readonly=True, index=True, tracking=True)
    payment_plan_id = fields.Many2one("realty.payment.plan", "Payment Plan", required=True, readonly=True)
    buyer_ids = fields.One2many("realty.contract.buyer", "contract_id", "Buyers", copy=False)
    installment_ids = fields.One2many("realty.installment", "contract_id", "Payment Schedule", readonly=True)
    amendment_ids = fields.One2many("realty.contract.amendment", "contract_id", "Amendments", readonly=True)
    # frozen copies of the unit and the reservation
    layout_id = fields.Many2one("realty.layout", "Layout", readonly=True)
    gross_area = fields.Float("Gross Area (m²)", digits=(12, 2), readonly=True)
    inner_area = fields.Float("Inner Area (m²)", digits=(12, 2), readonly=True)
    shared_area = fields.Float("Shared Area (m²)", digits=(12, 2), readonly=True)
    unit_price = fields.Monetary("Unit Price", readonly=True)
    list_price = fields.Monetary("Standard Total Price", readonly=True)
    plan_discount = fields.Float("Plan Discount (%)", digits=(5, 2), readonly=True)
    discount = fields.Float("Extra Discount (%)", digits=(5, 2), readonly=True)
    price = fields.Monetary("Contract Price", readonly=True, tracking=True)
    deposit_amount = fields.Monetary("Deposit Paid", readonly=True)
    # steps
    state = fields.Selection(
        CONTRACT_STATES, "Status", required=True, default="draft", index=True, tracking=True, copy=False
    )
    date_signed = fields.Date("Signed On", readonly=True, copy=False, tracking=True)
    registration_no = fields.Char("Registration No.", copy=False, tracking=True, help="网签备案 number.")
    registration_date = fields.Date("Registration Date", copy=False, tracking=True)
    date_delivered = fields.Date("Delivered On", readonly=True, copy=False, tracking=True)
    termination_reason = fields.Text("Termination Reason", copy=False, tracking=True)
    termination_date = fields.Date("Termination Date", copy=False, tracking=True)
    note = fields.Text("Notes")

    _unit_live_uniq = models.UniqueIndex(
        "(unit_id) WHERE state IN ('draft', 'signed', 'registered', 'delivered')",
        "This unit already has a live contract.",
    )
    _amounts_positive = models.Constraint(
        "CHECK(price >= 0 AND deposit_amount >= 0)", "The contract price and the deposit cannot be negative."
    )

    # ------------------------------------------------------------------
    # COMPUTE
    # ------------------------------------------------------------------

    @api.depends("buyer_ids.is_main", "buyer_ids.partner_id")
    def _compute_partner_id(self):
        for contract in self:
            contract.partner_id = contract.buyer_ids.filtered("is_main")[:1].partner_id

    # ------------------------------------------------------------------
    # CRUD (what forms, imports and RPC may write; the actions write the rest)
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self.flush_model(["state"])  # ended contracts leave the unique index before the new one enters it
        contracts = super().create(vals_list)
        for contract in contracts:
            contract._action_env().name = contract._next_number()
        return contracts

    @api.model
    def _action_only_fields(self):
        return (
            super()._action_only_fields()
            | FROZEN_COPIES
            | {
                "name",
                "state",
                "date_signed",
                "date_delivered",
                "installment_ids",
            }
        )

    def _frozen_fields(self):
        frozen = super()._frozen_fields()
        if self.state != "draft":
            writable = EDITABLE_AFTER_SIGNING | STEP_FIELDS.get(self.state, set())
            frozen |= {name for name, field in self._fields.items() if field.store and name not in writable}
            frozen -= set(self.env["mail.thread"]._fields) | set(self.env["mail.activity.mixin"]._fields)
        return frozen

    def unlink(self):
        if any(contract.state not in ("draft", "cancelled") for contract in self):
            raise UserError(self.env._("Only draft or cancelled contracts can be deleted."))
        return super().unlink()

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    def action_sign(self):
        """Sign (签约): the unit becomes contracted and the payment schedule is generated from the plan."""
        self.check_access("write")
        self._check_state("draft")
        for contract in self:
            contract._check_signable()
            unit = contract.unit_id.sudo()  # the unit's state follows its contract, whoever signs it
            unit._change_state("contracted", from_state="reserved")
            contract._action_env().write({"state": "signed", "date_signed": fields.Date.context_today(self)})
            contract._action_env().write({"installment_ids": contract._prepare_installment_commands()})
        return True

    def action_register(self):
        """Record the 网签备案: its number and date are entered on the signed contract first."""
        self.check_access("write")
        self._check_state("signed")
        missing = self.filtered(lambda contract: not (contract.registration_no and contract.registration_date))
        if missing:
            raise UserError(
                self.env._(
                    "Enter the registration number and date of %(contracts)s first.",
                    contracts=", ".join(missing.mapped("name")),
                )
            )
        self._action_env().write({"state": "registered"})
        return True

    def action_deliver(self, date_delivered=None):
        """Hand the unit over (交房)."""
        self.check_access("write")
        self._check_state("signed", "registered")
        self.unit_id.sudo()._change_state("delivered", from_state="contracted")
        date = date_delivered or fields.Date.context_today(self)
        self._action_env().write({"state": "delivered", "date_delivered": date})
        return True

    def action_terminate(self):
        """Terminate (退房), approved by a sales manager: the unit is on sale again."""
        self.check_access("write")
        self._check_state("signed", "registered")
        if not (self.env.su or self.env["realty.reservation"]._is_sales_manager()):
            raise AccessError(self.env._("Only a sales manager can terminate a contract."))
        if any(not contract.termination_reason for contract in self):
            raise UserError(self.env._("Enter the reason for the termination first."))
        for contract in self:
            date = contract.termination_date or fields.Date.context_today(self)
            contract._action_env().write({"state": "terminated", "termination_date": date})
        self.unit_id.sudo()._change_state("available", from_state="contracted")
        self.reservation_id._action_env().write({"state": "cancelled"})  # its unit is no longer taken
        return True

    def action_request_amendment(self):
        """Open a new amendment (换房 / 更名 / price or plan) of this signed contract."""
        self.ensure_one()
        self.check_access("write")
        self._check_state("signed", "registered")
        return {
            "type": "ir.actions.act_window",
            "res_model": "realty.contract.amendment",
            "views": [(False, "form")],
            "context": {"default_contract_id": self.id},
        }

    def action_cancel(self):
        """Drop a draft contract: its reservation is confirmed again and keeps the unit reserved."""
        self.check_access("write")
        self._check_state("draft")
        self._action_env().write({"state": "cancelled"})
        self.reservation_id._action_env().write({"state": "confirmed"})
        return True

    # ------------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------------

    def _next_number(self):
        """The next number of the contract's company (HT2026-00001), from that company's own sequence."""
        Sequence = self.env["ir.sequence"].sudo()
        domain = [("code", "=", "realty.contract"), ("company_id", "=", self.company_id.id)]
        if not Sequence.search_count(domain, limit=1):
            Sequence.create(self._prepare_sequence_values())
        return Sequence.with_company(self.company_id).next_by_code("realty.contract")

    def _prepare_sequence_values(self):
        return {
            "name": self.env._("Purchase Contract"),
            "code": "realty.contract",
            "prefix": "HT%(year)s-",
            "padding": 5,
            "company_id": self.company_id.id,
        }

    def _prepare_installment_commands(self):
        """The schedule: the deposit already paid first, then the plan's payments of the rest; it sums to the
        contract price exactly (the plan's last share takes the rounding)."""
        self.ensure_one()
        items = []
        if self.deposit_amount:
            items.append(self._prepare_deposit_item())
        rest = self.currency_id.round(self.price - self.deposit_amount)
        items += self.payment_plan_id._compute_schedule(rest, self.date_signed)
        return [
            Command.create(self._prepare_installment_values(item, sequence))
            for sequence, item in enumerate(items, start=1)
        ]

    def _prepare_deposit_item(self):
        return {
            "name": self.env._("Deposit"),
            "payment_kind": "deposit",
            "amount": self.deposit_amount,
            # the day of the reservation where the office is (as date_signed is), not in UTC
            "date_due": fields.Date.context_today(self, self.reservation_id.date_reservation)
            if self.reservation_id.date_reservation
            else self.date_signed,
        }

    def _prepare_installment_values(self, item, sequence):
        return {
            "sequence": sequence,
            "name": item["name"],
            "kind": item["payment_kind"],
            "date_due": item["date_due"],
            "amount": item["amount"],
        }

    def _check_signable(self):
        """A contract is signed by identified buyers, one of them the main buyer, owning exactly 100 %."""
        self.ensure_one()
        self.buyer_ids._check_buyer_set(self.name)

    def _check_buyers_editable(self):
        """Buyers change with their contract's draft only; afterwards through the contract's actions."""
        for contract in self.exists():
            if contract.state != "draft":
                raise UserError(
                    self.env._(
                        "Contract %(name)s is %(state)s: its buyers can no longer be changed.",
                        name=contract.name,
                        state=contract._guard_state_label(),
                    )
                )

    def _prepare_unit_copy_values(self, unit):
        """The frozen copies of ``unit`` (at signing, and again when an amendment moves the contract)."""
        return {
            "unit_id": unit.id,
            "layout_id": unit.layout_id.id,
            "gross_area": unit.gross_area,
            "inner_area": unit.inner_area,
            "shared_area": unit.shared_area,
            "unit_price": unit.unit_price,
            "list_price": unit.total_price,
        }

    def _amendment_installments_to_regenerate(self):
        """The installments an amendment may replace: all after the deposit in this slice (realty_finance narrows
        it to the unpaid ones)."""
        self.ensure_one()
        return self.installment_ids.filtered(lambda line: line.kind != "deposit")

    def _before_installments_replaced(self, installments):
        """Hook: ``installments`` are about to be deleted and regenerated (realty_finance reverses their invoices)."""

    def _regenerate_installments(self):
        """Replace the regenerable installments by the plan's split of what the kept ones leave of the price."""
        self.ensure_one()
        replaced = self._amendment_installments_to_regenerate()
        self._before_installments_replaced(replaced)
        kept = self.installment_ids - replaced
        rest = self.currency_id.round(self.price - sum(kept.mapped("amount")))
        if self.currency_id.compare_amounts(rest, 0) < 0:
            raise UserError(
                self.env._("The new price of %(contract)s is below what its schedule keeps.", contract=self.name)
            )
        items = self.payment_plan_id._compute_schedule(rest, self.date_signed)
        start = max(kept.mapped("sequence"), default=0) + 1
        commands = [Command.delete(line.id) for line in replaced]
        commands += [
            Command.create(self._prepare_installment_values(item, sequence))
            for sequence, item in enumerate(items, start=start)
        ]
        self._action_env().write({"installment_ids": commands})

    def _get_form_action(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("realty_contract.realty_contract_action")
        if len(self) == 1:
            action.update({"views": [(False, "form")], "view_mode": "form", "res_id": self.id})
        else:
            action["domain"] = [("id", "in", self.ids)]
        return action
