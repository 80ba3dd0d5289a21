from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.realty_finance.models.realty_installment import ACCOUNTING_READERS


class RealtyContract(models.Model):
    """A contract's money as accounting sees it: invoiced, paid, open and overdue, summed from its schedule."""

    _inherit = "realty.contract"

    invoice_ids = fields.One2many(
        "account.move", "realty_contract_id", "Invoices", readonly=True, groups=ACCOUNTING_READERS
    )
    payment_ids = fields.One2many(
        "account.payment", "realty_contract_id", "Payments Received", readonly=True, groups=ACCOUNTING_READERS
    )
    amount_invoiced = fields.Monetary("Invoiced", compute="_compute_receivables", store=True)
    amount_paid = fields.Monetary("Paid", compute="_compute_receivables", store=True)
    amount_residual = fields.Monetary("Open", compute="_compute_receivables", store=True)
    amount_unbilled = fields.Monetary("Not Billed Yet", compute="_compute_receivables", store=True)
    # depends on today: not stored, summed in SQL by _field_to_sql (grouped lists, pivot)
    amount_overdue = fields.Monetary("Overdue", compute="_compute_amount_overdue")
    invoice_count = fields.Integer(compute="_compute_amount_overdue")

    @api.depends(
        "installment_ids.amount",
        "installment_ids.billing_state",
        "installment_ids.amount_paid",
        "installment_ids.amount_residual",
    )
    def _compute_receivables(self):
        for contract in self:
            lines = contract.installment_ids
            billed = lines.filtered(lambda line: line.billing_state in ("invoiced", "partial", "paid"))
            contract.amount_invoiced = sum(billed.mapped("amount"))  # credited installments count nowhere
            contract.amount_paid = sum(lines.mapped("amount_paid"))
            contract.amount_residual = sum(lines.mapped("amount_residual"))
            contract.amount_unbilled = sum(
                lines.filtered(lambda line: line.billing_state == "pending").mapped("amount")
            )

    @api.depends("installment_ids.days_overdue", "installment_ids.amount_residual", "installment_ids.billing_state")
    def _compute_amount_overdue(self):
        for contract in self:
            lines = contract.installment_ids
            contract.amount_overdue = sum(lines.filtered("days_overdue").mapped("amount_residual"))
            contract.invoice_count = len(lines.filtered(lambda line: line.billing_state != "pending"))

    def _field_to_sql(self, alias, field_expr, query=None):
        """EXTENDS base: the overdue amount as of today in SQL, so that grouped lists and the pivot sum it."""
        if field_expr != "amount_overdue":
            return super()._field_to_sql(alias, field_expr, query)
        self._check_field_access(self._fields["amount_overdue"], "read")
        line = self.env["realty.installment"]._fields
        return SQL(
            "(SELECT COALESCE(SUM(%s), 0) FROM realty_installment overdue"
            " WHERE overdue.contract_id = %s AND %s IN ('invoiced', 'partial') AND %s < %s)",
            SQL.identifier("overdue", "amount_residual", to_flush=line["amount_residual"]),
            SQL.identifier(alias, "id"),
            SQL.identifier("overdue", "billing_state", to_flush=line["billing_state"]),
            SQL.identifier("overdue", "date_due", to_flush=line["date_due"]),
            fields.Date.context_today(self),
        )

    def action_bill_installments(self):
        """Bill now what falls due within the company's lead days (what the daily cron would bill)."""
        Installment = self.env["realty.installment"]
        due = Installment.search(
            [("contract_id", "in", self.ids)] + Installment._billable_domain(self.company_id[:1])[1:]
        )
        invoices = due._bill()
        if not invoices:
            raise UserError(self.env._("Nothing is due for billing on %(contracts)s.", contracts=self._names()))
        return invoices._get_records_action(name=self.env._("Invoices"))

    def action_view_invoices(self):
        self.ensure_one()
        return self.invoice_ids._get_records_action(name=self.env._("Invoices"))

    def action_receive_payment(self):
        """Receive money for this contract: it pays the oldest open installments first."""
        self.ensure_one()
        self._check_state("signed", "registered", "delivered")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Receive Payment"),
            "res_model": "realty.payment.receive",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_contract_id": self.id},
        }

    def _allocate_payment(self, payment):
        """Reconcile ``payment`` with this contract's open invoices: Odoo matches them by due date, so the oldest
        installments are paid first, the last one reached partly; what is left stays open as customer credit."""
        self.ensure_one()
        payment_lines = payment.move_id.line_ids.filtered(
            lambda line: line.account_type == "asset_receivable" and not line.reconciled
        )
        open_lines = self.env["account.move.line"].search(
            [
                ("move_id.realty_contract_id", "=", self.id),
                ("parent_state", "=", "posted"),
                ("account_type", "=", "asset_receivable"),
                ("reconciled", "=", False),
                ("balance", ">", 0),
            ],
            order="date_maturity, id",
        )
        lines = payment_lines | self._lines_paid_by(open_lines, -sum(payment_lines.mapped("amount_residual")))
        # what Odoo's reconciliation reads move by move, read for all of them at once
        lines.move_id.line_ids.mapped("tax_ids")
        for group in lines.grouped("account_id").values():
            if any(line.balance < 0 for line in group) and any(line.balance > 0 for line in group):
                group.reconcile()

    @api.model
    def _lines_paid_by(self, open_lines, amount):
        """The oldest of ``open_lines`` that ``amount`` reaches (the last one maybe in part)."""
        reached = open_lines.browse()
        for line in open_lines:
            if line.currency_id.compare_amounts(amount, 0) <= 0:
                break
            reached |= line
            amount -= line.amount_residual
        return reached

    def _names(self):
        return ", ".join(self.mapped("name"))
