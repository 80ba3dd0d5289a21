from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import split_every

from odoo.addons.realty_finance.models.realty_installment import ACCOUNTING_READERS
from odoo.addons.realty_finance.models.realty_installment_billing import BILLABLE_CONTRACT_STATES
from odoo.addons.realty_finance.tools import create_once

LATE_FEE_BATCH = 100


class RealtyLateFee(models.Model):
    """A contract's late fee (违约金) for one calendar month, billed once by one customer invoice.

    The rule: for every day of the month on which an invoiced installment is past its due date, the fee is the
    installment's open amount at the end of that day × the company's daily rate. A payment (or a credit note)
    lowers the open amount from the day it is dated (the later of its own date and the invoice's). Only
    installments accrue fees: late-fee invoices do not. A month is billed once it is over; PostgreSQL's unique
    index on (contract, month) guarantees that it is billed once, however many runs meet."""

    _name = "realty.late.fee"
    _description = "Late Fee"
    _inherit = ["realty.action.guard.mixin"]
    _order = "period_start desc, id desc"
    _check_company_auto = True

    contract_id = fields.Many2one(
        "realty.contract", "Contract", required=True, readonly=True, index=True, ondelete="restrict"
    )
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    project_id = fields.Many2one(related="contract_id.project_id", store=True, index=True)
    user_id = fields.Many2one(related="contract_id.user_id", string="Salesperson", store=True, index=True)
    currency_id = fields.Many2one(related="contract_id.currency_id")
    partner_id = fields.Many2one("res.partner", "Customer", required=True, readonly=True, index=True)
    period_start = fields.Date("From", required=True, readonly=True)
    period_end = fields.Date("To", required=True, readonly=True)
    rate = fields.Float("Daily Rate (%)", digits=(6, 4), readonly=True)
    amount = fields.Monetary("Late Fee", readonly=True)
    move_id = fields.Many2one(
        "account.move", "Invoice", readonly=True, index="btree_not_null", groups=ACCOUNTING_READERS
    )
    payment_state = fields.Selection(related="move_id.payment_state", string="Payment")

    _contract_period_uniq = models.UniqueIndex(
        "(contract_id, period_start)", "This contract's late fee for this period is billed already."
    )

    @api.depends("contract_id.name", "period_start")
    def _compute_display_name(self):
        for fee in self:
            fee.display_name = f"{fee.contract_id.name} · {fee.period_start:%Y-%m}" if fee.period_start else ""

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model
    def _action_only_fields(self):
        return super()._action_only_fields() | {
            "contract_id",
            "partner_id",
            "period_start",
            "period_end",
            "rate",
            "amount",
            "move_id",
        }

    def unlink(self):
        """A late fee is deleted only once its invoice is cancelled; its month can then be billed again."""
        if any(fee.sudo().move_id.state not in (False, "cancel") for fee in self):
            raise UserError(self.env._("Cancel the invoice of a late fee before deleting it."))
        return super().unlink()

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    @api.model
    def action_bill_last_month(self):
        """Bill last month's late fees of every live contract (the Late Fees list's button)."""
        self.check_access("create")
        contracts = self.env["realty.contract"].search([("state", "in", BILLABLE_CONTRACT_STATES)])
        return contracts.action_bill_late_fees()

    # ------------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------------

    @api.model
    def _period(self, date=None):
        """The calendar month before the one of ``date`` (default: today): the latest month that is over."""
        first_of_month = (date or fields.Date.context_today(self)).replace(day=1)
        end = first_of_month - timedelta(days=1)
        return end.replace(day=1), end

    @api.model
    def _bill(self, contracts, period_start, period_end):
        """Invoice ``contracts``' late fees of the period; a contract whose period is billed already, by an
        earlier run or by another transaction right now, is skipped."""
        fees = self.browse()
        for contract in contracts.filtered(lambda contract: contract.state in BILLABLE_CONTRACT_STATES):
            fees |= self._bill_contract(contract, period_start, period_end)
        return fees

    @api.model
    def _bill_contract(self, contract, period_start, period_end):
        rate = contract.company_id.sudo().realty_late_fee_rate
        billed = self.search_count([("contract_id", "=", contract.id), ("period_start", "=", period_start)])
        if not rate or billed:
            return self.browse()
        lines = self._prepare_invoice_lines(contract, period_start, period_end, rate)
        if not lines:
            return self.browse()
        values = self._prepare_values(contract, period_start, period_end, rate, lines)
        fee = create_once(self._action_env(), values)
        if fee:
            invoice = self.env["account.move"].create(fee._prepare_invoice_values(lines))
            invoice.action_post()
            fee.move_id = invoice
        return fee.with_env(self.env)

    @api.model
    def _prepare_values(self, contract, period_start, period_end, rate, lines):
        return {
            "contract_id": contract.id,
            "partner_id": contract.partner_id.id,
            "period_start": period_start,
            "period_end": period_end,
            "rate": rate,
            "amount": sum(line["price_unit"] for line in lines),
        }

    @api.model
    def _prepare_invoice_lines(self, contract, period_start, period_end, rate):
        """One invoice line per installment that was overdue during the period."""
        lines = []
        product = self.env.ref("realty_finance.product_late_fee")
        for installment in contract.installment_ids.filtered(
            lambda line: line.move_id.state == "posted" and line.date_due < period_end
        ):
            days, base = self._overdue_days_and_base(installment, period_start, period_end)
            fee = contract.currency_id.round(base * rate / 100)
            if contract.currency_id.compare_amounts(fee, 0) <= 0:
                continue
            label = self.env._(
                "Late fee %(start)s – %(end)s: %(installment)s, %(days)s days overdue at %(rate)s %% a day",
                start=period_start,
                end=period_end,
                installment=installment._invoice_label(),
                days=days,
                rate=rate,
            )
            lines.append(
                {
                    "product_id": product.id,
                    "name": label,
                    "quantity": 1,
                    "price_unit": fee,
                    "tax_ids": [Command.clear()],
                }
            )
        return lines

    @api.model
    def _overdue_days_and_base(self, installment, period_start, period_end):
        """(days overdue with money open, sum of the open amount over those days) within the period."""
        receivables = installment.move_id.line_ids.filtered(lambda line: line.account_type == "asset_receivable")
        total = sum(receivables.mapped("amount_currency"))
        settled = [(partial.max_date, partial.debit_amount_currency) for partial in receivables.matched_credit_ids]
        first = max(period_start, installment.date_due + timedelta(days=1))
        days, base = 0, 0.0
        for offset in range((period_end - first).days + 1):
            day = first + timedelta(days=offset)
            open_amount = total - sum(amount for date, amount in settled if date <= day)
            if installment.currency_id.compare_amounts(open_amount, 0) > 0:
                days, base = days + 1, base + open_amount
        return days, base

    def _prepare_invoice_values(self, lines):
        self.ensure_one()
        contract = self.contract_id
        today = fields.Date.context_today(self)
        return {
            "move_type": "out_invoice",
            "company_id": contract.company_id.id,
            "partner_id": self.partner_id.id,
            "currency_id": contract.currency_id.id,
            "invoice_date": today,
            "invoice_date_due": today + timedelta(days=contract.company_id.sudo().realty_invoice_lead_days),
            "invoice_payment_term_id": False,
            "invoice_origin": contract.name,
            "invoice_user_id": contract.user_id.id,
            "ref": self.env._(
                "Late fee %(period)s · %(contract)s", period=f"{self.period_start:%Y-%m}", contract=contract.name
            ),
            "realty_contract_id": contract.id,
            "invoice_line_ids": [Command.create(line) for line in lines],
        }

    @api.model
    def _cron_bill_late_fees(self):
        """Monthly: bill last month's late fees, in committed batches; a new run bills only what is left."""
        period_start, period_end = self._period()
        contracts = self.env["realty.contract"].search(
            [
                ("state", "in", BILLABLE_CONTRACT_STATES),
                ("installment_ids", "any", [("move_id", "!=", False), ("date_due", "<", period_end)]),
                ("late_fee_ids", "not any", [("period_start", "=", period_start)]),
            ]
        )
        in_cron = bool(self.env.context.get("ir_cron_progress_id"))
        if in_cron:
            self.env["ir.cron"]._commit_progress(remaining=len(contracts))
        for batch in split_every(LATE_FEE_BATCH, contracts.ids, contracts.browse):
            self._bill(batch, period_start, period_end)
            if in_cron and not self.env["ir.cron"]._commit_progress(len(batch)):
                self.env.ref("realty_finance.ir_cron_bill_late_fees")._trigger()
                return
