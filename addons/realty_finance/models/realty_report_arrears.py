from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.realty_finance.models.realty_installment import ACCOUNTING_READERS, AGING_BUCKETS
from odoo.addons.realty_finance.models.realty_installment_billing import BILLABLE_CONTRACT_STATES


class RealtyReportArrears(models.Model):
    """Arrears (欠款): one row per invoiced installment of a live contract that is past its due date and not paid
    in full, aged as of today. A SQL view, so that the aging buckets can be grouped and summed; "today" is the
    user's date (``context_today``), not the database server's ``CURRENT_DATE``, which is UTC."""

    _name = "realty.report.arrears"
    _description = "Arrears"
    _auto = False
    _order = "days_overdue desc, id"
    _rec_name = "installment_id"
    _depends = {
        "realty.installment": ["contract_id", "date_due", "amount", "amount_residual", "billing_state", "move_id"],
        "realty.contract": ["company_id", "project_id", "partner_id", "user_id", "state"],
        "account.move": ["currency_id"],
    }

    installment_id = fields.Many2one("realty.installment", "Installment", readonly=True)
    name = fields.Char("Label", readonly=True)
    move_id = fields.Many2one("account.move", "Invoice", readonly=True, groups=ACCOUNTING_READERS)
    contract_id = fields.Many2one("realty.contract", "Contract", readonly=True)
    company_id = fields.Many2one("res.company", "Company", readonly=True)
    project_id = fields.Many2one("realty.project", "Project", readonly=True)
    partner_id = fields.Many2one("res.partner", "Customer", readonly=True)
    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    currency_id = fields.Many2one("res.currency", "Currency", readonly=True)
    date_due = fields.Date("Due Date", readonly=True)
    days_overdue = fields.Integer("Days Overdue", readonly=True, aggregator="max")
    aging_bucket = fields.Selection(AGING_BUCKETS[1:], "Aging", readonly=True)
    amount = fields.Monetary("Installment Amount", readonly=True)
    amount_residual = fields.Monetary("Overdue Amount", readonly=True)

    @property
    def _table_query(self):
        today = fields.Date.context_today(self)
        return SQL(
            """
            SELECT installment.id AS id,
                   installment.id AS installment_id,
                   installment.name AS name,
                   installment.move_id AS move_id,
                   installment.contract_id AS contract_id,
                   contract.company_id AS company_id,
                   contract.project_id AS project_id,
                   contract.partner_id AS partner_id,
                   contract.user_id AS user_id,
                   invoice.currency_id AS currency_id,
                   installment.date_due AS date_due,
                   %(days)s AS days_overdue,
                   CASE WHEN %(days)s <= 30 THEN '1_30'
                        WHEN %(days)s <= 60 THEN '31_60'
                        WHEN %(days)s <= 90 THEN '61_90'
                        ELSE 'over_90' END AS aging_bucket,
                   installment.amount AS amount,
                   installment.amount_residual AS amount_residual
              FROM realty_installment installment
              JOIN realty_contract contract ON contract.id = installment.contract_id
              JOIN account_move invoice ON invoice.id = installment.move_id
             WHERE installment.billing_state IN ('invoiced', 'partial')
               AND installment.date_due < %(today)s
               AND contract.state IN %(states)s
            """,
            days=SQL("(%s::date - installment.date_due)", today),
            today=today,
            states=BILLABLE_CONTRACT_STATES,
        )
