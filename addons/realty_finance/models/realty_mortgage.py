from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.realty_finance.models.realty_installment import ACCOUNTING_READERS
from odoo.addons.realty_finance.models.realty_installment_billing import BILLABLE_CONTRACT_STATES

LOAN_KINDS = [
    ("commercial", "Commercial Loan"),
    ("provident", "Provident Fund Loan"),
    ("combined", "Combined Loan"),
]
MORTGAGE_STAGES = [
    ("collecting", "Collecting Documents"),
    ("submitted", "Submitted to the Bank"),
    ("approved", "Approved"),
    ("disbursed", "Disbursed"),
]
STAGE_DATES = {
    "collecting": "date_collecting",
    "submitted": "date_submitted",
    "approved": "date_approved",
    "disbursed": "date_disbursed",
}
ACTION_ONLY = frozenset(("contract_id", "stage", "reminded_stage", "payment_id", *STAGE_DATES.values()))
LOAN_TERMS = frozenset(("lender_id", "loan_kind", "loan_amount"))


class RealtyMortgage(models.Model):
    """The buyer's loan of a contract (按揭 / 公积金), followed by finance from the documents to the bank's
    disbursement: 资料收集 → 已提交 → 已审批 → 已放款, each stage dated. A stage that stalls gets an activity for the
    salesperson; the disbursement is registered as the payment of the contract's loan installment."""

    _name = "realty.mortgage"
    _description = "Mortgage"
    _inherit = ["mail.thread", "realty.action.guard.mixin"]
    _order = "id desc"
    _rec_name = "contract_id"
    _check_company_auto = True

    contract_id = fields.Many2one(
        "realty.contract", "Contract", required=True, readonly=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    project_id = fields.Many2one(related="contract_id.project_id", store=True, index=True)
    user_id = fields.Many2one(related="contract_id.user_id", string="Salesperson", store=True, index=True)
    partner_id = fields.Many2one(related="contract_id.partner_id", string="Buyer")
    currency_id = fields.Many2one(related="contract_id.currency_id")
    lender_id = fields.Many2one(
        "res.partner",
        "Lender",
        tracking=True,
        help="The bank (商业贷款), or the housing provident fund centre (公积金管理中心).",
    )
    loan_kind = fields.Selection(LOAN_KINDS, "Loan Kind", required=True, default="commercial", tracking=True)
    loan_amount = fields.Monetary("Loan Amount", tracking=True)
    stage = fields.Selection(
        MORTGAGE_STAGES, "Stage", required=True, default="collecting", index=True, tracking=True, copy=False
    )
    date_collecting = fields.Date("Collecting Since", readonly=True, default=fields.Date.context_today)
    date_submitted = fields.Date("Submitted On", readonly=True, copy=False)
    date_approved = fields.Date("Approved On", readonly=True, copy=False)
    date_disbursed = fields.Date("Disbursed On", readonly=True, copy=False)
    date_stage = fields.Date("In Stage Since", compute="_compute_date_stage", store=True, index=True)
    days_in_stage = fields.Integer("Days in Stage", compute="_compute_days_in_stage")
    reminded_stage = fields.Selection(MORTGAGE_STAGES, "Reminded Of", readonly=True, copy=False)
    payment_id = fields.Many2one(
        "account.payment", "Disbursement", readonly=True, copy=False, groups=ACCOUNTING_READERS
    )
    loan_open = fields.Monetary("Loan Installments Open", compute="_compute_loan_open")
    note = fields.Text("Notes")

    _contract_uniq = models.UniqueIndex("(contract_id)", "This contract already has a mortgage.")
    _loan_amount_positive = models.Constraint("CHECK(loan_amount >= 0)", "A loan amount cannot be negative.")

    # ------------------------------------------------------------------
    # COMPUTE
    # ------------------------------------------------------------------

    @api.depends("stage", *STAGE_DATES.values())
    def _compute_date_stage(self):
        for mortgage in self:
            mortgage.date_stage = mortgage[STAGE_DATES[mortgage.stage]] or mortgage.date_collecting

    @api.depends("date_stage", "stage")
    def _compute_days_in_stage(self):
        today = fields.Date.context_today(self)
        for mortgage in self:
            running = mortgage.stage != "disbursed" and mortgage.date_stage
            mortgage.days_in_stage = (today - mortgage.date_stage).days if running else 0

    @api.depends("contract_id.installment_ids.amount_residual", "contract_id.installment_ids.billing_state")
    def _compute_loan_open(self):
        for mortgage in self:
            mortgage.loan_open = sum(
                line.amount if line.billing_state == "pending" else line.amount_residual
                for line in mortgage._loan_installments()
            )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model
    def _action_only_fields(self):
        return super()._action_only_fields() | ACTION_ONLY

    def _frozen_fields(self):
        frozen = super()._frozen_fields()
        if self.stage == "disbursed":
            frozen |= LOAN_TERMS
        return frozen

    # ------------------------------------------------------------------
    # ACTIONS (finance)
    # ------------------------------------------------------------------

    def action_submit(self):
        """The buyer's documents are complete and with the bank (已提交)."""
        self._move_to("submitted", from_stage="collecting")
        return True

    def action_approve(self):
        """The bank approved the loan (已审批)."""
        self._move_to("approved", from_stage="submitted")
        return True

    def action_register_disbursement(self):
        """Open Receive Payment for the bank's money (已放款): it pays the loan installment."""
        self.ensure_one()
        self.check_access("write")
        self._check_stage("approved")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Register Disbursement"),
            "res_model": "realty.payment.receive",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_contract_id": self.contract_id.id,
                "default_mortgage_id": self.id,
                "default_method": "mortgage",
                "default_amount": self.loan_open,
                "default_memo": self._disbursement_memo(),
            },
        }

    # ------------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------------

    @api.model
    def _prepare_values(self, contract):
        loans = contract.installment_ids.filtered(lambda line: line.kind == "loan")
        return {
            "contract_id": contract.id,
            "loan_kind": "provident" if contract.payment_plan_id.kind == "provident" else "commercial",
            "loan_amount": sum(loans.mapped("amount")),
        }

    def _loan_installments(self):
        return self.contract_id.installment_ids.filtered(lambda line: line.kind == "loan")

    def _check_stage(self, *stages):
        labels = dict(self._fields["stage"]._description_selection(self.env))
        for mortgage in self:
            if mortgage.stage not in stages:
                raise UserError(
                    self.env._(
                        "The mortgage of %(contract)s is at %(stage)s; this needs %(expected)s.",
                        contract=mortgage.contract_id.name,
                        stage=labels[mortgage.stage],
                        expected=" / ".join(labels[stage] for stage in stages),
                    )
                )

    def _move_to(self, stage, from_stage, date=None):
        self.check_access("write")
        self._check_stage(from_stage)
        date = date or fields.Date.context_today(self)
        self._action_env().write({"stage": stage, STAGE_DATES[stage]: date, "reminded_stage": False})

    def _disbursement_memo(self):
        return self.env._(
            "Loan disbursement %(contract)s · %(lender)s",
            contract=self.contract_id.name,
            lender=self.lender_id.name or "",
        )

    def _register_disbursement(self, payment_values):
        """The bank's money: bill the loan installments not billed yet, receive the money, let it pay them first
        (any surplus goes to the oldest open installments, then stays as credit), and mark the loan disbursed."""
        self.ensure_one()
        self.check_access("write")
        self._check_stage("approved")
        loans = self._loan_installments()
        if not loans:
            raise UserError(
                self.env._("Contract %(contract)s has no loan installment to pay.", contract=self.contract_id.name)
            )
        loans.filtered(lambda line: line.billing_state == "pending")._bill()
        payment = self.env["account.payment"].create(payment_values)
        payment.action_post()
        self._pay_loans(payment, loans.move_id)
        self.contract_id._allocate_payment(payment)
        self._move_to("disbursed", from_stage="approved", date=payment.date)
        self._action_env().write({"payment_id": payment.id})
        return payment

    @api.model
    def _pay_loans(self, payment, invoices):
        """Reconcile ``payment`` with the loan ``invoices`` first, whatever their due dates."""
        lines = (payment.move_id | invoices).line_ids.filtered(
            lambda line: line.account_type == "asset_receivable" and not line.reconciled
        )
        for group in lines.grouped("account_id").values():
            if any(line.balance < 0 for line in group) and any(line.balance > 0 for line in group):
                group.reconcile()

    @api.model
    def _cron_remind_stalled(self):
        """Daily: a stage held longer than the company's reminder days gets one activity for the salesperson."""
        today = fields.Date.context_today(self)
        for company in self.env["res.company"].search([]):
            limit = today - timedelta(days=company.sudo().realty_mortgage_stall_days)
            stalled = self.search(
                [
                    ("company_id", "=", company.id),
                    ("stage", "!=", "disbursed"),
                    ("date_stage", "<=", limit),
                    ("contract_id.state", "in", BILLABLE_CONTRACT_STATES),
                ]
            ).filtered(lambda mortgage: mortgage.reminded_stage != mortgage.stage)
            stalled._remind()

    def _remind(self):
        labels = dict(self._fields["stage"]._description_selection(self.env))
        for mortgage in self:
            mortgage.contract_id.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=mortgage.user_id.id,
                summary=self.env._(
                    "Mortgage stalled: %(stage)s for %(days)s days",
                    stage=labels[mortgage.stage],
                    days=mortgage.days_in_stage,
                ),
            )
            mortgage._action_env().write({"reminded_stage": mortgage.stage})
