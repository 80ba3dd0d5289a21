from odoo import api, fields, models

BILLING_STATES = [
    ("pending", "Not Billed"),
    ("invoiced", "Invoiced"),
    ("partial", "Partially Paid"),
    ("paid", "Paid"),
    ("reversed", "Credited"),
]
# who may see the ledger's own records (invoices, payments); the others see the amounts read from them
ACCOUNTING_READERS = "account.group_account_invoice,account.group_account_readonly"
AGING_BUCKETS = [
    ("current", "Not Due"),
    ("1_30", "1–30 Days"),
    ("31_60", "31–60 Days"),
    ("61_90", "61–90 Days"),
    ("over_90", "Over 90 Days"),
]


class RealtyInstallment(models.Model):
    """What accounting says about an installment: its invoice, and what of it is paid. Nothing here is typed in;
    it is all read from the invoice and its reconciliation."""

    _inherit = "realty.installment"

    move_id = fields.Many2one(
        "account.move",
        "Invoice",
        compute="_compute_move_id",
        store=True,
        index="btree_not_null",
        readonly=True,
        groups=ACCOUNTING_READERS,
    )
    invoice_ids = fields.One2many(
        "account.move", "realty_installment_id", "Invoices", readonly=True, groups=ACCOUNTING_READERS
    )
    amount_paid = fields.Monetary("Paid", compute="_compute_amounts", store=True)
    amount_residual = fields.Monetary("Open", compute="_compute_amounts", store=True)
    billing_state = fields.Selection(
        BILLING_STATES, "Billing", compute="_compute_amounts", store=True, index=True, default="pending"
    )
    days_overdue = fields.Integer("Days Overdue", compute="_compute_days_overdue")
    aging_bucket = fields.Selection(AGING_BUCKETS, "Aging", compute="_compute_days_overdue")
    contract_state = fields.Selection(related="contract_id.state", string="Contract Status")
    project_id = fields.Many2one(related="contract_id.project_id", store=True, index=True)
    user_id = fields.Many2one(related="contract_id.user_id", string="Salesperson", store=True, index=True)

    @api.depends("invoice_ids.state", "invoice_ids.move_type")
    def _compute_move_id(self):
        for installment in self:
            live = installment.invoice_ids.filtered(
                lambda move: move.state != "cancel" and move.move_type == "out_invoice"
            )
            installment.move_id = live[:1]

    # through invoice_ids, not move_id: a changed invoice names its installment itself (no search for it)
    @api.depends(
        "amount",
        "move_id",
        "invoice_ids.state",
        "invoice_ids.amount_residual",
        "invoice_ids.amount_total",
        "invoice_ids.payment_state",
    )
    def _compute_amounts(self):
        for installment in self:
            move = installment.move_id
            if not move or move.state != "posted":
                installment.update({"amount_paid": 0.0, "amount_residual": 0.0, "billing_state": "pending"})
                continue
            if move.payment_state == "reversed":  # credited in full (a refund): nothing paid, nothing due
                installment.update({"amount_paid": 0.0, "amount_residual": 0.0, "billing_state": "reversed"})
                continue
            residual = move.amount_residual
            paid = move.amount_total - residual
            if move.currency_id.is_zero(residual):
                state = "paid"
            elif move.currency_id.is_zero(paid):
                state = "invoiced"
            else:
                state = "partial"
            installment.update({"amount_paid": paid, "amount_residual": residual, "billing_state": state})

    @api.depends("date_due", "billing_state")
    def _compute_days_overdue(self):
        today = fields.Date.context_today(self)
        for installment in self:
            days = (today - installment.date_due).days if installment.date_due else 0
            overdue = installment.billing_state in ("invoiced", "partial") and days > 0
            installment.days_overdue = days if overdue else 0
            installment.aging_bucket = self._aging_bucket(days if overdue else 0)

    @api.model
    def _aging_bucket(self, days):
        if days <= 0:
            return "current"
        if days <= 30:
            return "1_30"
        if days <= 60:
            return "31_60"
        if days <= 90:
            return "61_90"
        return "over_90"
