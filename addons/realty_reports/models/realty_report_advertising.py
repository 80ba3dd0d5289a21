from odoo import fields, models
from odoo.tools import SQL


class RealtyReportAdvertising(models.Model):
    """Advertising effect 广告效果: per project, day, source, medium and campaign, what was spent (realty.ad.spend)
    and what it brought: leads created (with that project as preferred project), visits of those leads, deals (their
    contracts signed that day) and the amount signed. Days of datetimes are the company's local days. Cost per lead
    and per deal are spend / leads and spend / deals of each group, empty where nothing came of the spend."""

    _name = "realty.report.advertising"
    _inherit = ["realty.report.ratio.mixin"]
    _description = "Advertising Effect"
    _auto = False
    _order = "date desc, project_id, id"
    _rec_name = "campaign_id"
    _depends = {
        "realty.ad.spend": ["date", "project_id", "source_id", "medium_id", "campaign_id", "amount"],
        "crm.lead": ["create_date", "realty_project_id", "source_id", "medium_id", "campaign_id"],
        "realty.visit": ["lead_id", "date", "project_id"],
        "realty.reservation": ["lead_id"],
        "realty.contract": ["reservation_id", "project_id", "date_signed", "price"],
        "realty.project": ["company_id"],
    }

    date = fields.Date("Day", readonly=True)
    company_id = fields.Many2one("res.company", "Company", readonly=True)
    currency_id = fields.Many2one("res.currency", "Currency", readonly=True)
    project_id = fields.Many2one("realty.project", "Project", readonly=True)
    source_id = fields.Many2one("utm.source", "Source", readonly=True)
    medium_id = fields.Many2one("utm.medium", "Medium", readonly=True)
    campaign_id = fields.Many2one("utm.campaign", "Campaign", readonly=True)
    spend = fields.Monetary("Spend", readonly=True)
    leads = fields.Integer("Leads", readonly=True)
    visits = fields.Integer("Visits", readonly=True)
    deals = fields.Integer("Deals", readonly=True)
    amount_signed = fields.Monetary("Amount Signed", readonly=True)
    cost_per_lead = fields.Monetary("Cost per Lead", readonly=True, aggregator="avg")
    cost_per_deal = fields.Monetary("Cost per Deal", readonly=True, aggregator="avg")

    def _ratio_fields(self):
        return {"cost_per_lead": ("spend", "leads", 1), "cost_per_deal": ("spend", "deals", 1)}

    @property
    def _table_query(self):
        return SQL(
            """
            WITH zone AS (%(zone)s),
            event AS (%(events)s),
            daily AS (
                SELECT event.project_id, event.date, event.source_id, event.medium_id, event.campaign_id,
                       SUM(event.spend) AS spend, SUM(event.leads)::int AS leads, SUM(event.visits)::int AS visits,
                       SUM(event.deals)::int AS deals, SUM(event.amount_signed) AS amount_signed
                  FROM event
                 GROUP BY event.project_id, event.date, event.source_id, event.medium_id, event.campaign_id
            )
            SELECT ROW_NUMBER() OVER (ORDER BY daily.date, daily.project_id, daily.source_id, daily.medium_id,
                                               daily.campaign_id) AS id,
                   daily.date,
                   project.company_id,
                   company.currency_id,
                   daily.project_id,
                   daily.source_id,
                   daily.medium_id,
                   daily.campaign_id,
                   daily.spend,
                   daily.leads,
                   daily.visits,
                   daily.deals,
                   daily.amount_signed,
                   %(cost_per_lead)s AS cost_per_lead,
                   %(cost_per_deal)s AS cost_per_deal
              FROM daily
              JOIN realty_project project ON project.id = daily.project_id
              JOIN res_company company ON company.id = project.company_id
            """,
            zone=self._zone_sql(),
            events=SQL(" UNION ALL ").join(self._event_queries()),
            cost_per_lead=self._row_ratio_sql(SQL("daily.spend"), SQL("daily.leads"), 1),
            cost_per_deal=self._row_ratio_sql(SQL("daily.spend"), SQL("daily.deals"), 1),
        )

    def _event_queries(self):
        """One SELECT per kind of event, each with the columns project_id, date, source_id, medium_id, campaign_id,
        spend, leads, visits, deals, amount_signed: a later addon adds its own events by extending the list."""
        return [
            SQL(
                """SELECT spend.project_id, spend.date, spend.source_id, spend.medium_id, spend.campaign_id,
                          spend.amount AS spend, 0 AS leads, 0 AS visits, 0 AS deals, 0 AS amount_signed
                     FROM realty_ad_spend spend"""
            ),
            SQL(
                """SELECT lead.realty_project_id, %s, lead.source_id, lead.medium_id, lead.campaign_id, 0, 1, 0, 0, 0
                     FROM crm_lead lead
                     JOIN realty_project project ON project.id = lead.realty_project_id
                     LEFT JOIN zone ON zone.company_id = project.company_id""",
                self._local_day_sql(SQL("lead.create_date"), SQL("zone.tz")),
            ),
            SQL(
                """SELECT project.id, %s, lead.source_id, lead.medium_id, lead.campaign_id, 0, 0, 1, 0, 0
                     FROM realty_visit visit
                     JOIN crm_lead lead ON lead.id = visit.lead_id
                     JOIN realty_project project ON project.id = COALESCE(visit.project_id, lead.realty_project_id)
                     LEFT JOIN zone ON zone.company_id = project.company_id""",
                self._local_day_sql(SQL("visit.date"), SQL("zone.tz")),
            ),
            SQL(
                """SELECT contract.project_id, contract.date_signed, lead.source_id, lead.medium_id, lead.campaign_id,
                          0, 0, 0, 1, contract.price
                     FROM realty_contract contract
                     JOIN realty_reservation reservation ON reservation.id = contract.reservation_id
                     JOIN crm_lead lead ON lead.id = reservation.lead_id
                    WHERE contract.date_signed IS NOT NULL"""
            ),
        ]
