from odoo import fields, models
from odoo.tools import SQL

# A reservation reached the reservation step once it took its unit: confirmed, converted into a contract, or
# confirmed and later released (cancelled, expired). ``date_reservation`` is when it took the unit.
REACHED_RESERVATION_STATES = ("confirmed", "converted", "cancelled", "expired")


class RealtyReportFunnel(models.Model):
    """Visits and conversion 来访转化: one row per lead of the sales office (a real estate lead, or one with a
    preferred project), with the first visit, the first reservation that took its unit and the first signed contract
    (terminated later or not: the step was reached). The days between steps are calendar days in the company's time
    zone and are empty when a step did not happen, so that their averages count only the leads that took the step.
    Lost (archived) leads stay: they are the funnel's losses."""

    _name = "realty.report.funnel"
    _inherit = ["realty.report.ratio.mixin"]
    _description = "Visits and Conversion"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "lead_id"
    _depends = {
        "crm.lead": [
            "create_date",
            "is_realty",
            "realty_project_id",
            "company_id",
            "user_id",
            "team_id",
            "source_id",
            "medium_id",
            "campaign_id",
        ],
        "realty.visit": ["lead_id", "date"],
        "realty.reservation": ["lead_id", "date_reservation", "state"],
        "realty.contract": ["reservation_id", "date_signed"],
        "realty.project": ["company_id"],
    }

    lead_id = fields.Many2one("crm.lead", "Lead", readonly=True)
    date = fields.Datetime("Created On", readonly=True)
    company_id = fields.Many2one("res.company", "Company", readonly=True)
    project_id = fields.Many2one("realty.project", "Project", readonly=True)
    source_id = fields.Many2one("utm.source", "Source", readonly=True)
    medium_id = fields.Many2one("utm.medium", "Medium", readonly=True)
    campaign_id = fields.Many2one("utm.campaign", "Campaign", readonly=True)
    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", "Sales Team", readonly=True)
    date_first_visit = fields.Datetime("First Visit", readonly=True)
    date_first_reservation = fields.Datetime("First Reservation", readonly=True)
    date_first_contract = fields.Date("First Contract Signed", readonly=True)
    leads = fields.Integer("Leads", readonly=True)
    visited = fields.Integer("Visited", readonly=True)
    reserved = fields.Integer("Reserved", readonly=True)
    contracted = fields.Integer("Contracted", readonly=True)
    days_to_visit = fields.Float("Days Lead → Visit", digits=(16, 1), readonly=True, aggregator="avg")
    days_to_reservation = fields.Float("Days Visit → Reservation", digits=(16, 1), readonly=True, aggregator="avg")
    days_to_contract = fields.Float("Days Reservation → Contract", digits=(16, 1), readonly=True, aggregator="avg")
    visit_rate = fields.Float("Visit Rate (%)", digits=(16, 1), readonly=True, aggregator="avg")
    reservation_rate = fields.Float("Visit → Reservation (%)", digits=(16, 1), readonly=True, aggregator="avg")
    contract_rate = fields.Float("Lead → Contract (%)", digits=(16, 1), readonly=True, aggregator="avg")

    def _ratio_fields(self):
        return {
            "visit_rate": ("visited", "leads", 100),
            "reservation_rate": ("reserved", "visited", 100),
            "contract_rate": ("contracted", "leads", 100),
        }

    @property
    def _table_query(self):
        return SQL(
            """
            WITH zone AS (%(zone)s),
            first_visit AS (
                SELECT lead_id, MIN(date) AS date FROM realty_visit GROUP BY lead_id
            ),
            first_reservation AS (
                SELECT lead_id, MIN(date_reservation) AS date
                  FROM realty_reservation
                 WHERE lead_id IS NOT NULL AND date_reservation IS NOT NULL AND state IN %(reserved)s
                 GROUP BY lead_id
            ),
            first_contract AS (
                SELECT reservation.lead_id, MIN(contract.date_signed) AS date
                  FROM realty_contract contract
                  JOIN realty_reservation reservation ON reservation.id = contract.reservation_id
                 WHERE reservation.lead_id IS NOT NULL AND contract.date_signed IS NOT NULL
                 GROUP BY reservation.lead_id
            ),
            step AS (
                SELECT lead.id, lead.create_date, lead.realty_project_id, lead.source_id, lead.medium_id,
                       lead.campaign_id, lead.user_id, lead.team_id,
                       COALESCE(lead.company_id, project.company_id, salesperson.company_id) AS company_id,
                       first_visit.date AS date_first_visit,
                       first_reservation.date AS date_first_reservation,
                       first_contract.date AS date_first_contract
                  FROM crm_lead lead
                  LEFT JOIN realty_project project ON project.id = lead.realty_project_id
                  LEFT JOIN res_users salesperson ON salesperson.id = lead.user_id
                  LEFT JOIN first_visit ON first_visit.lead_id = lead.id
                  LEFT JOIN first_reservation ON first_reservation.lead_id = lead.id
                  LEFT JOIN first_contract ON first_contract.lead_id = lead.id
                 WHERE lead.is_realty OR lead.realty_project_id IS NOT NULL
            ),
            dated AS (
                SELECT step.*,
                       %(lead_day)s AS lead_day,
                       %(visit_day)s AS visit_day,
                       %(reservation_day)s AS reservation_day
                  FROM step
                  LEFT JOIN zone ON zone.company_id = step.company_id
            )
            SELECT id,
                   id AS lead_id,
                   create_date AS date,
                   company_id,
                   realty_project_id AS project_id,
                   source_id,
                   medium_id,
                   campaign_id,
                   user_id,
                   team_id,
                   date_first_visit,
                   date_first_reservation,
                   date_first_contract,
                   1 AS leads,
                   (date_first_visit IS NOT NULL)::int AS visited,
                   (date_first_reservation IS NOT NULL)::int AS reserved,
                   (date_first_contract IS NOT NULL)::int AS contracted,
                   visit_day - lead_day AS days_to_visit,
                   reservation_day - visit_day AS days_to_reservation,
                   date_first_contract - reservation_day AS days_to_contract,
                   (date_first_visit IS NOT NULL)::int * 100.0 AS visit_rate,
                   CASE WHEN date_first_visit IS NOT NULL
                        THEN (date_first_reservation IS NOT NULL)::int * 100.0 END AS reservation_rate,
                   (date_first_contract IS NOT NULL)::int * 100.0 AS contract_rate
              FROM dated
            """,
            zone=self._zone_sql(),
            reserved=REACHED_RESERVATION_STATES,
            lead_day=self._local_day_sql(SQL("step.create_date"), SQL("zone.tz")),
            visit_day=self._local_day_sql(SQL("step.date_first_visit"), SQL("zone.tz")),
            reservation_day=self._local_day_sql(SQL("step.date_first_reservation"), SQL("zone.tz")),
        )
