from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.realty_finance.models.realty_commission_rule import AMOUNT_TYPES, COMMISSION_TRIGGERS
from odoo.addons.realty_finance.models.realty_installment import ACCOUNTING_READERS
from odoo.addons.realty_finance.models.realty_installment_billing import BILLABLE_CONTRACT_STATES

COMMISSION_STATES = [
    ("pending", "Not Due Yet"),
    ("due", "Due"),
    ("billed", "Billed"),
    ("paid", "Paid"),
    ("cancelled", "Cancelled"),
]
COMMISSION_FIELDS = frozenset(
    ("contract_id", "rule_id", "agency_id", "trigger", "amount_type", "percent", "fixed_amount", "bill_id")
)


class RealtyCommission(models.Model):
    """An agency's commission on one contract under one rule (分销佣金): made when the contract is signed with the
    rule's terms of that day, due when the rule's moment comes (signing, first payment, full payment), then billed
    by one vendor bill of the agency — by the daily cron or finance's button, never twice. What is billed and
    paid is read from the bill."""

    _name = "realty.commission"
    _description = "Agency Commission"
    _inherit = ["realty.action.guard.mixin"]
    _order = "id desc"
    _check_company_auto = True

    contract_id = fields.Many2one(
        "realty.contract", "Contract", required=True, readonly=True, index=True, ondelete="restrict"
    )
    rule_id = fields.Many2one(
        "realty.commission.rule", "Rule", required=True, readonly=True, index=True, ondelete="restrict"
    )
    agency_id = fields.Many2one("res.partner", "Agency", required=True, readonly=True, index=True)
    project_id = fields.Many2one(related="contract_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="contract_id.currency_id")
    user_id = fields.Many2one(related="contract_id.user_id", string="Salesperson", store=True, index=True)
    partner_id = fields.Many2one(related="contract_id.partner_id", string="Buyer")
    contract_price = fields.Monetary(related="contract_id.price", string="Contract Price")
    trigger = fields.Selection(COMMISSION_TRIGGERS, "Due When", required=True, readonly=True)
    amount_type = fields.Selection(AMOUNT_TYPES, "Amount Type", required=True, readonly=True)
    percent = fields.Float("Commission (%)", digits=(5, 3), readonly=True)
    fixed_amount = fields.Monetary("Fixed Commission", readonly=True)
    amount = fields.Monetary("Commission", compute="_compute_amount", store=True)
    bill_id = fields.Many2one(
        "account.move",
        "Vendor Bill",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        groups=ACCOUNTING_READERS,
    )
    amount_residual = fields.Monetary("To Pay", compute="_compute_state", store=True)
    state = fields.Selection(COMMISSION_STATES, "Status", compute="_compute_state", store=True, index=True)

    _contract_rule_uniq = models.UniqueIndex("(contract_id, rule_id)", "This contract already has this commission.")

    # ------------------------------------------------------------------
    # COMPUTE (from the contract and the bill; nothing typed in)
    # ------------------------------------------------------------------

    @api.depends(
        "contract_id.price", "amount_type", "percent", "fixed_amount", "bill_id.state", "bill_id.amount_untaxed"
    )
    def _compute_amount(self):
        for commission in self:
            bill = commission.bill_id
            posted = bill and bill.state == "posted"
            commission.amount = bill.amount_untaxed if posted else commission._terms_amount()

    @api.depends(
        "amount",
        "trigger",
        "contract_id.state",
        "contract_id.installment_ids.billing_state",
        "bill_id.state",
        "bill_id.payment_state",
        "bill_id.amount_residual",
    )
    def _compute_state(self):
        for commission in self:
            state = commission._current_state()
            bill = commission.bill_id
            commission.state = state
            if state == "cancelled":
                commission.amount_residual = 0.0
            elif bill and bill.state == "posted":
                commission.amount_residual = bill.amount_residual
            else:
                commission.amount_residual = commission.amount

    def _terms_amount(self):
        if self.amount_type == "fixed":
            return self.fixed_amount
        return self.currency_id.round(self.contract_id.price * self.percent / 100.0)

    def _current_state(self):
        bill = self.bill_id
        if bill:
            if bill.state == "cancel" or bill.payment_state == "reversed":
                return "cancelled"
            return "paid" if bill.payment_state in ("paid", "in_payment") else "billed"
        if self.contract_id.state not in BILLABLE_CONTRACT_STATES:
            return "cancelled" if self.contract_id.state in ("terminated", "cancelled") else "pending"
        return "due" if self._trigger_reached() else "pending"

    def _trigger_reached(self):
        schedule = self.contract_id.installment_ids
        if self.trigger == "signing":
            return True
        if self.trigger == "first_payment":
            first = schedule.filtered(lambda line: line.kind != "deposit")[:1] or schedule[:1]
            return first.billing_state == "paid"
        return bool(schedule) and all(line.billing_state == "paid" for line in schedule)

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model
    def _action_only_fields(self):
        return super()._action_only_fields() | COMMISSION_FIELDS

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    def action_bill(self):
        """Bill the due commissions among these now, or all that are due (what the daily cron would bill)."""
        self.check_access("write")
        commissions = self or self.search([("state", "=", "due")])
        bills = commissions.filtered(lambda commission: commission.state == "due")._bill()
        if not bills:
            raise UserError(self.env._("None of these commissions is due for billing."))
        return bills._get_records_action(name=self.env._("Vendor Bills"))

    def action_view_bill(self):
        self.ensure_one()
        return self.bill_id._get_records_action(name=self.env._("Vendor Bill"))

    # ------------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------------

    @api.model
    def _cron_bill_due(self):
        """Daily: bill every commission that fell due."""
        self.search([("state", "=", "due")])._bill()

    def _bill(self):
        """One posted vendor bill per commission, skipping any that is billed or being billed by another
        transaction right now (the row lock)."""
        commissions = self._lock_unbilled()
        if not commissions:
            return self.env["account.move"]
        bills = self.env["account.move"].create([commission._prepare_bill_values() for commission in commissions])
        bills.action_post()
        for commission, bill in zip(commissions, bills):
            commission._action_env().write({"bill_id": bill.id})
        return bills

    def _lock_unbilled(self):
        if not self:
            return self
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM realty_commission WHERE id IN %s AND bill_id IS NULL ORDER BY id FOR UPDATE SKIP LOCKED",
                tuple(self.ids),
            )
        )
        locked = self.browse(row[0] for row in self.env.cr.fetchall())
        locked.invalidate_recordset(["bill_id", "state"])
        return locked.filtered(lambda commission: commission.state == "due")

    def _prepare_bill_values(self):
        self.ensure_one()
        return {
            "move_type": "in_invoice",
            "company_id": self.company_id.id,
            "partner_id": self.agency_id.id,
            "currency_id": self.currency_id.id,
            "invoice_date": fields.Date.context_today(self),
            "invoice_origin": self.contract_id.name,
            "invoice_line_ids": [Command.create(self._prepare_bill_line_values())],
        }

    def _prepare_bill_line_values(self):
        return {
            "product_id": self.env.ref("realty_finance.product_commission").id,
            "name": self._bill_label(),
            "quantity": 1,
            "price_unit": self.amount,
            "tax_ids": [Command.clear()],
        }

    def _bill_label(self):
        """分销佣金 HT2026-00001 · 1号楼-0101 · 签约: the contract, the unit and when the commission fell due."""
        triggers = dict(self._fields["trigger"]._description_selection(self.env))
        return self.env._(
            "Agency commission %(contract)s · %(unit)s · %(trigger)s",
            contract=self.contract_id.name,
            unit=self.contract_id.unit_id.display_name,
            trigger=triggers[self.trigger],
        )

    @api.model
    def _prepare_values(self, contract, rule):
        return {
            "contract_id": contract.id,
            "rule_id": rule.id,
            "agency_id": contract.agency_id.id,
            "trigger": rule.trigger,
            "amount_type": rule.amount_type,
            "percent": rule.percent,
            "fixed_amount": rule.fixed_amount,
        }
