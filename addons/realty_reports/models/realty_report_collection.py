from odoo import api, fields, models
from odoo.tools import SQL
from odoo.tools.sql import create_index

from odoo.addons.realty_contract.models.realty_contract import CONTRACT_STATES
from odoo.addons.realty_finance.models.realty_installment import ACCOUNTING_READERS, AGING_BUCKETS

COLLECTION_BUCKETS = [("paid", "Paid"), *AGING_BUCKETS]


class RealtyReportCollection(models.Model):
    """Collections 回款: one row per posted invoice of a contract's installment, with what of it is received.

    Amounts are in the company's currency, as accounting holds them: invoiced is the invoice total, received what
    its reconciliation paid (total − residual), overdue the residual of an invoice past its due date, aged as of
    the user's today like ``realty.report.arrears``. Invoices credited in full (reversed) are left out: nothing is
    to be collected on them. The collection rate 回款率 is received / invoiced in every group
    (``realty.report.ratio.mixin``)."""

    _name = "realty.report.collection"
    _description = "Collections Analysis"
    _inherit = ["realty.report.ratio.mixin"]
    _auto = False
    _order = "date_due desc, id desc"
    _rec_name = "installment_id"
    _depends = {
        "account.move": [
            "realty_installment_id",
            "move_type",
            "state",
            "payment_state",
            "invoice_date",
            "amount_total_signed",
            "amount_residual_signed",
            "company_id",
        ],
        "realty.installment": ["contract_id", "date_due", "project_id", "user_id"],
        "realty.contract": ["partner_id", "state"],
    }

    move_id = fields.Many2one("account.move", "Invoice", readonly=True, groups=ACCOUNTING_READERS)
    installment_id = fields.Many2one("realty.installment", "Installment", readonly=True)
    contract_id = fields.Many2one("realty.contract", "Contract", readonly=True)
    contract_state = fields.Selection(CONTRACT_STATES, "Contract Status", readonly=True)
    company_id = fields.Many2one("res.company", "Company", readonly=True)
    currency_id = fields.Many2one("res.currency", "Currency", readonly=True)
    project_id = fields.Many2one("realty.project", "Project", readonly=True)
    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    partner_id = fields.Many2one("res.partner", "Customer", readonly=True)
    invoice_date = fields.Date("Invoice Date", readonly=True)
    date_due = fields.Date("Due Date", readonly=True)
    days_overdue = fields.Integer("Days Overdue", readonly=True, aggregator="max")
    aging_bucket = fields.Selection(COLLECTION_BUCKETS, "Aging", readonly=True)
    amount_invoiced = fields.Monetary("Invoiced", readonly=True)
    amount_received = fields.Monetary("Received", readonly=True)
    amount_open = fields.Monetary("Open", readonly=True)
    amount_overdue = fields.Monetary("Overdue", readonly=True)
    collection_rate = fields.Float(
        "Collection Rate (%)",
        digits=(16, 2),
        readonly=True,
        aggregator="avg",
        help="Received divided by invoiced, in every group.",
    )

    def _ratio_fields(self):
        return {"collection_rate": ("amount_received", "amount_invoiced", 100)}

    @property
    def _table_query(self):
        today = fields.Date.context_today(self)
        overdue = SQL("(move.amount_residual_signed <> 0 AND installment.date_due < %s)", today)
        days = SQL("(%s::date - installment.date_due)", today)
        return SQL(
            """
            SELECT move.id AS id,
                   move.id AS move_id,
                   move.realty_installment_id AS installment_id,
                   installment.contract_id AS contract_id,
                   contract.state AS contract_state,
                   move.company_id AS company_id,
                   company.currency_id AS currency_id,
                   installment.project_id AS project_id,
                   installment.user_id AS user_id,
                   contract.partner_id AS partner_id,
                   move.invoice_date AS invoice_date,
                   installment.date_due AS date_due,
                   CASE WHEN %(overdue)s THEN %(days)s ELSE 0 END AS days_overdue,
                   CASE WHEN move.amount_residual_signed = 0 THEN 'paid'
                        WHEN NOT %(overdue)s THEN 'current'
                        WHEN %(days)s <= 30 THEN '1_30'
                        WHEN %(days)s <= 60 THEN '31_60'
                        WHEN %(days)s <= 90 THEN '61_90'
                        ELSE 'over_90' END AS aging_bucket,
                   move.amount_total_signed AS amount_invoiced,
                   move.amount_total_signed - move.amount_residual_signed AS amount_received,
                   move.amount_residual_signed AS amount_open,
                   CASE WHEN %(overdue)s THEN move.amount_residual_signed ELSE 0 END AS amount_overdue,
                   (move.amount_total_signed - move.amount_residual_signed) * 100.0
                       / NULLIF(move.amount_total_signed, 0) AS collection_rate
              FROM account_move move
              JOIN realty_installment installment ON installment.id = move.realty_installment_id
              -- LEFT JOINs on primary keys: PostgreSQL drops those a grouped read does not use
              LEFT JOIN realty_contract contract ON contract.id = installment.contract_id
              LEFT JOIN res_company company ON company.id = move.company_id
             WHERE move.realty_installment_id IS NOT NULL
               AND move.move_type = 'out_invoice'
               AND move.state = 'posted'
               AND move.payment_state IS DISTINCT FROM 'reversed'
            """,
            overdue=overdue,
            days=days,
        )

    @api.model
    def init(self):
        # the installment invoices only, by month: what this analysis filters and groups on
        create_index(
            self.env.cr,
            "account_move_report_collection_index",
            "account_move",
            ["invoice_date", "realty_installment_id"],
            where="realty_installment_id IS NOT NULL AND move_type = 'out_invoice' AND state = 'posted'",
        )
