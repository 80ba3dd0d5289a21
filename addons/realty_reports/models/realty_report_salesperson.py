from odoo import fields, models
from odoo.tools import SQL

from .realty_report_funnel import REACHED_RESERVATION_STATES
from odoo.addons.realty_finance.models.account_payment_receipt import RECEIVED_STATES

# every event row carries these measures, zero where it does not count: measure → SQL type of its monthly sum
MEASURES = {
    "leads": "int",
    "visits": "int",
    "reservations": "int",
    "contracts": "int",
    "amount_signed": "numeric",
    "amount_collected": "numeric",
    "target_amount": "numeric",
    "target_contracts": "int",
}


class RealtyReportSalesperson(models.Model):
    """Salesperson performance 置业顾问业绩: one row per salesperson, month and company. Leads handled are the
    real estate leads assigned to them and created that month; visits those they received; reservations those of
    theirs that took their unit that month; contracts and amount signed by their signing date; amount collected the
    inbound payments received that month on their contracts and their reservations' deposits. The month's target
    comes from realty.sales.target; achievement is signed / target of each group. The rank orders the month's
    salespeople of the company by amount signed (1 = most), whoever reads it."""

    _name = "realty.report.salesperson"
    _inherit = ["realty.report.ratio.mixin"]
    _description = "Salesperson Performance"
    _auto = False
    _order = "month desc, rank, id"
    _rec_name = "user_id"
    _depends = {
        "crm.lead": ["create_date", "is_realty", "realty_project_id", "company_id", "user_id"],
        "realty.visit": ["user_id", "company_id", "date"],
        "realty.reservation": ["user_id", "company_id", "date_reservation", "state"],
        "realty.contract": ["user_id", "company_id", "date_signed", "price"],
        "account.payment": [
            "realty_contract_id",
            "realty_reservation_id",
            "company_id",
            "date",
            "payment_type",
            "state",
            "amount_company_currency_signed",
        ],
        "realty.sales.target": ["user_id", "company_id", "month", "target_amount", "target_contracts"],
    }

    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    month = fields.Date("Month", readonly=True)
    company_id = fields.Many2one("res.company", "Company", readonly=True)
    currency_id = fields.Many2one("res.currency", "Currency", readonly=True)
    leads = fields.Integer("Leads Handled", readonly=True)
    visits = fields.Integer("Visits Received", readonly=True)
    reservations = fields.Integer("Reservations", readonly=True)
    contracts = fields.Integer("Contracts Signed", readonly=True)
    amount_signed = fields.Monetary("Amount Signed", readonly=True)
    amount_collected = fields.Monetary("Amount Collected", readonly=True)
    target_amount = fields.Monetary("Target Amount", readonly=True)
    target_contracts = fields.Integer("Target Contracts", readonly=True)
    achievement = fields.Float("Achievement (%)", digits=(16, 1), readonly=True, aggregator="avg")
    contracts_achievement = fields.Float("Contracts Achievement (%)", digits=(16, 1), readonly=True, aggregator="avg")
    rank = fields.Integer("Rank", readonly=True, aggregator="min", help="1 = the most signed in the month.")

    def _ratio_fields(self):
        return {
            "achievement": ("amount_signed", "target_amount", 100),
            "contracts_achievement": ("contracts", "target_contracts", 100),
        }

    @property
    def _table_query(self):
        measures = SQL(", ").join(
            SQL("SUM(event.%s)::%s AS %s", SQL.identifier(name), SQL(sql_type), SQL.identifier(name))
            for name, sql_type in MEASURES.items()
        )
        return SQL(
            """
            WITH zone AS (%(zone)s),
            event AS (%(events)s),
            monthly AS (
                SELECT event.user_id, event.company_id,
                       date_trunc('month', COALESCE(event.day, %(local_day)s))::date AS month,
                       %(measures)s
                  FROM event
                  LEFT JOIN zone ON zone.company_id = event.company_id
                 WHERE event.user_id IS NOT NULL
                 GROUP BY 1, 2, 3
            )
            SELECT ROW_NUMBER() OVER (ORDER BY monthly.month, monthly.company_id, monthly.user_id) AS id,
                   monthly.*,
                   company.currency_id,
                   %(achievement)s AS achievement,
                   %(contracts_achievement)s AS contracts_achievement,
                   RANK() OVER (PARTITION BY monthly.company_id, monthly.month
                                ORDER BY monthly.amount_signed DESC) AS rank
              FROM monthly
              LEFT JOIN res_company company ON company.id = monthly.company_id
            """,
            zone=self._zone_sql(),
            events=SQL(" UNION ALL ").join(self._event_queries()),
            local_day=self._local_day_sql(SQL("event.moment"), SQL("zone.tz")),
            measures=measures,
            achievement=self._row_ratio_sql(SQL("monthly.amount_signed"), SQL("monthly.target_amount"), 100),
            contracts_achievement=self._row_ratio_sql(SQL("monthly.contracts"), SQL("monthly.target_contracts"), 100),
        )

    def _event_queries(self):
        """One SELECT per kind of event: user_id, company_id, a UTC moment or a day, then the MEASURES in order."""
        return [
            SQL(
                """SELECT lead.user_id, COALESCE(lead.company_id, project.company_id, salesperson.company_id)
                          AS company_id, lead.create_date AS moment, NULL::date AS day, 1 AS leads, 0 AS visits,
                          0 AS reservations, 0 AS contracts, 0 AS amount_signed, 0 AS amount_collected,
                          0 AS target_amount, 0 AS target_contracts
                     FROM crm_lead lead
                     JOIN res_users salesperson ON salesperson.id = lead.user_id
                     LEFT JOIN realty_project project ON project.id = lead.realty_project_id
                    WHERE lead.is_realty OR lead.realty_project_id IS NOT NULL"""
            ),
            SQL(
                """SELECT visit.user_id, visit.company_id, visit.date, NULL::date, 0, 1, 0, 0, 0, 0, 0, 0
                     FROM realty_visit visit"""
            ),
            SQL(
                """SELECT reservation.user_id, reservation.company_id, reservation.date_reservation, NULL::date,
                          0, 0, 1, 0, 0, 0, 0, 0
                     FROM realty_reservation reservation
                    WHERE reservation.date_reservation IS NOT NULL AND reservation.state IN %s""",
                REACHED_RESERVATION_STATES,
            ),
            SQL(
                """SELECT contract.user_id, contract.company_id, NULL::timestamp, contract.date_signed,
                          0, 0, 0, 1, contract.price, 0, 0, 0
                     FROM realty_contract contract
                    WHERE contract.date_signed IS NOT NULL"""
            ),
            SQL(
                """SELECT COALESCE(contract.user_id, reservation.user_id), payment.company_id, NULL::timestamp,
                          payment.date, 0, 0, 0, 0, 0, payment.amount_company_currency_signed, 0, 0
                     FROM account_payment payment
                     LEFT JOIN realty_contract contract ON contract.id = payment.realty_contract_id
                     LEFT JOIN realty_reservation reservation ON reservation.id = payment.realty_reservation_id
                    WHERE payment.payment_type = 'inbound' AND payment.state IN %s
                      AND (payment.realty_contract_id IS NOT NULL OR payment.realty_reservation_id IS NOT NULL)""",
                RECEIVED_STATES,
            ),
            SQL(
                """SELECT target.user_id, target.company_id, NULL::timestamp, target.month,
                          0, 0, 0, 0, 0, 0, target.target_amount, target.target_contracts
                     FROM realty_sales_target target"""
            ),
        ]
