from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.tools import SQL, split_every

BILLABLE_CONTRACT_STATES = ("signed", "registered", "delivered")
BILLING_BATCH = 200


class RealtyInstallment(models.Model):
    """Billing: each installment becomes one posted customer invoice, a configurable number of days before it
    is due — by the daily cron or the contract's button, never twice."""

    _inherit = "realty.installment"

    # ------------------------------------------------------------------
    # WHAT IS DUE FOR BILLING
    # ------------------------------------------------------------------

    @api.model
    def _billable_domain(self, company, date=None):
        """Unbilled installments of ``company``'s live contracts falling due within its lead days of ``date``."""
        date = date or fields.Date.context_today(self)
        horizon = date + timedelta(days=company.sudo().realty_invoice_lead_days)
        return [
            ("company_id", "=", company.id),
            ("move_id", "=", False),
            ("amount", ">", 0),
            ("date_due", "<=", horizon),
            ("contract_id.state", "in", BILLABLE_CONTRACT_STATES),
        ]

    @api.model
    def _cron_bill_due_installments(self):
        """Daily: bill what falls due, in batches; each batch is committed, so an interrupted run resumes where
        it stopped at the next run (the unbilled installments are all that is selected)."""
        in_cron = bool(self.env.context.get("ir_cron_progress_id"))
        for company in self.env["res.company"].search([]):
            installments = self.search(self._billable_domain(company), order="date_due, id")
            if in_cron:
                self.env["ir.cron"]._commit_progress(remaining=len(installments))
            for batch in split_every(BILLING_BATCH, installments.ids, self.browse):
                batch._bill()
                if in_cron and not self.env["ir.cron"]._commit_progress(len(batch)):
                    self.env.ref("realty_finance.ir_cron_bill_installments")._trigger()
                    return

    # ------------------------------------------------------------------
    # BILLING
    # ------------------------------------------------------------------

    def _bill(self, invoice_date=None):
        """Invoice and post these installments, skipping any that is billed already or being billed by another
        transaction right now (the row lock); PostgreSQL's unique index on the invoice is the last guard.
        ``invoice_date``: the invoices' date, today unless said (the demo data bills in the past)."""
        installments = self._lock_unbilled()
        if not installments:
            return self.env["account.move"]
        products = {company: company._realty_installment_product() for company in installments.company_id}
        Move = installments._action_env().env["account.move"]  # only billing links invoices to installments
        invoices = Move.create(
            [line._prepare_invoice_values(products[line.company_id], invoice_date) for line in installments]
        )
        invoices.action_post()
        return invoices.with_env(self.env)

    def _lock_unbilled(self):
        """These installments still without an invoice, locked for this transaction; rows another transaction
        holds are skipped (it is billing them)."""
        if not self:
            return self
        self.env.flush_all()  # e.g. an invoice just cancelled, which frees its installment
        self.env.cr.execute(
            SQL(
                "SELECT id FROM realty_installment WHERE id IN %s AND move_id IS NULL AND amount > 0"
                " ORDER BY id FOR UPDATE SKIP LOCKED",
                tuple(self.ids),
            )
        )
        locked = self.browse(row[0] for row in self.env.cr.fetchall())
        locked.invalidate_recordset(["move_id"])
        return locked.filtered(lambda line: line.contract_id.state in BILLABLE_CONTRACT_STATES)

    def _prepare_invoice_values(self, product=None, invoice_date=None):
        """The invoice of this installment; ``product`` is its company's installment product (found if omitted)."""
        self.ensure_one()
        contract = self.contract_id
        return {
            "move_type": "out_invoice",
            "company_id": contract.company_id.id,
            "partner_id": contract.partner_id.id,
            "currency_id": contract.currency_id.id,
            "invoice_date": invoice_date or fields.Date.context_today(self),
            "invoice_date_due": self.date_due,
            "invoice_payment_term_id": False,
            "invoice_origin": contract.name,
            "invoice_user_id": contract.user_id.id,
            "ref": self._invoice_label(),
            "realty_installment_id": self.id,
            "realty_contract_id": contract.id,
            "invoice_line_ids": [Command.create(self._prepare_invoice_line_values(product))],
        }

    def _prepare_invoice_line_values(self, product=None):
        self.ensure_one()
        company = self.contract_id.company_id
        values = {
            "product_id": (product or company._realty_installment_product()).id,
            "name": self._invoice_label(),
            "quantity": 1,
            "price_unit": self.amount,
            "tax_ids": [Command.clear()],
        }
        if company.sudo().realty_income_account_id:
            values["account_id"] = company.sudo().realty_income_account_id.id
        return values

    def _invoice_label(self):
        """HT2026-00001 · 1号楼-0101 · 2/5 首付款: the contract, the unit and the installment."""
        self.ensure_one()
        contract = self.contract_id
        return self.env._(
            "%(contract)s · %(unit)s · %(sequence)s/%(count)s %(label)s",
            contract=contract.name,
            unit=contract.unit_id.display_name,
            sequence=self.sequence,
            count=len(contract.installment_ids),
            label=self.name,
        )
