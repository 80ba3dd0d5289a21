from odoo import api, fields, models
from odoo.tools import SQL
from odoo.tools.sql import create_index

from odoo.addons.realty_contract.models.realty_contract import CONTRACT_STATES

# (key, label, highest floor of the band); the last band has no ceiling. Basement floors are negative.
FLOOR_BANDS = [
    ("basement", "Basement", -1),
    ("low", "Low Zone (1–6 F)", 6),
    ("middle", "Middle Zone (7–18 F)", 18),
    ("high", "High Zone (19 F+)", None),
]
# (key, label, total price the band stays below); the last band has no ceiling
PRICE_BANDS = [
    ("under_1m", "Under 1M", 1_000_000),
    ("1m_2m", "1M–2M", 2_000_000),
    ("2m_3m", "2M–3M", 3_000_000),
    ("3m_5m", "3M–5M", 5_000_000),
    ("over_5m", "5M and Over", None),
]
SIGNED_STATES = ("signed", "registered", "delivered", "terminated")  # every contract that was signed once


def band_case(expression, bands, operator):
    """A SQL CASE putting ``expression`` in the first band whose bound it stays ``operator`` (``<=`` or ``<``)."""
    whens = SQL(" ").join(
        SQL("WHEN %s " + operator + " %s THEN %s", expression, bound, key) for key, __, bound in bands[:-1]
    )
    return SQL("CASE %s ELSE %s END", whens, bands[-1][0])


class RealtyReportSales(models.Model):
    """Sales analysis: one row per signed contract (签约), with the unit, layout and salesperson it was signed for.

    Terminated contracts stay in the view (``state``) and are left out by the search view's default filter. The
    average unit price and the discount rate are ratios of sums in every group (``realty.report.ratio.mixin``).
    The team is the lead's sales team, else the salesperson's main team."""

    _name = "realty.report.sales"
    _description = "Sales Analysis"
    _inherit = ["realty.report.ratio.mixin"]
    _auto = False
    _order = "date_signed desc, id desc"
    _rec_name = "contract_id"
    _depends = {
        "realty.contract": [
            "state",
            "date_signed",
            "unit_id",
            "project_id",
            "company_id",
            "layout_id",
            "user_id",
            "partner_id",
            "reservation_id",
            "gross_area",
            "list_price",
            "price",
        ],
        "realty.unit": ["building_id", "floor"],
        "realty.layout": ["category_id"],
        "realty.reservation": ["lead_id"],
        "crm.lead": ["team_id"],
        "res.users": ["sale_team_id"],
    }

    contract_id = fields.Many2one("realty.contract", "Contract", readonly=True)
    date_signed = fields.Date("Signed On", readonly=True)
    state = fields.Selection(CONTRACT_STATES, "Contract Status", readonly=True)
    company_id = fields.Many2one("res.company", "Company", readonly=True)
    currency_id = fields.Many2one("res.currency", "Currency", readonly=True)
    project_id = fields.Many2one("realty.project", "Project", readonly=True)
    building_id = fields.Many2one("realty.building", "Building", readonly=True)
    unit_id = fields.Many2one("realty.unit", "Unit", readonly=True)
    layout_id = fields.Many2one("realty.layout", "Layout", readonly=True)
    layout_category_id = fields.Many2one("realty.layout.category", "Layout Category", readonly=True)
    floor = fields.Integer("Floor", readonly=True, aggregator=False)
    floor_band = fields.Selection([band[:2] for band in FLOOR_BANDS], "Floor Band", readonly=True)
    price_band = fields.Selection([band[:2] for band in PRICE_BANDS], "Price Band", readonly=True)
    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", "Sales Team", readonly=True)
    partner_id = fields.Many2one("res.partner", "Customer", readonly=True)
    gross_area = fields.Float("Gross Area (m²)", digits=(16, 2), readonly=True)
    amount = fields.Monetary("Contract Amount", readonly=True)
    list_amount = fields.Monetary("Standard Amount", readonly=True)
    discount_amount = fields.Monetary("Discount Given", readonly=True, help="Standard total price − contract price.")
    unit_price = fields.Monetary(
        "Average Unit Price",
        readonly=True,
        aggregator="avg",
        help="Contract amount divided by gross area, in every group (a weighted average, not an average of rows).",
    )
    discount_rate = fields.Float(
        "Discount Rate (%)",
        digits=(16, 2),
        readonly=True,
        aggregator="avg",
        help="Discount given divided by the standard amount, in every group.",
    )

    def _ratio_fields(self):
        return {"unit_price": ("amount", "gross_area", 1), "discount_rate": ("discount_amount", "list_amount", 100)}

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT contract.id AS id,
                   contract.id AS contract_id,
                   contract.date_signed AS date_signed,
                   contract.state AS state,
                   contract.company_id AS company_id,
                   company.currency_id AS currency_id,
                   contract.project_id AS project_id,
                   unit.building_id AS building_id,
                   contract.unit_id AS unit_id,
                   contract.layout_id AS layout_id,
                   layout.category_id AS layout_category_id,
                   unit.floor AS floor,
                   %(floor_band)s AS floor_band,
                   %(price_band)s AS price_band,
                   contract.user_id AS user_id,
                   COALESCE(lead.team_id, salesperson.sale_team_id) AS team_id,
                   contract.partner_id AS partner_id,
                   contract.gross_area AS gross_area,
                   contract.price AS amount,
                   contract.list_price AS list_amount,
                   contract.list_price - contract.price AS discount_amount,
                   contract.price / NULLIF(contract.gross_area, 0) AS unit_price,
                   (contract.list_price - contract.price) * 100.0 / NULLIF(contract.list_price, 0) AS discount_rate
              FROM realty_contract contract
              -- LEFT JOINs on primary keys: PostgreSQL drops those a grouped read does not use
              LEFT JOIN res_company company ON company.id = contract.company_id
              LEFT JOIN realty_unit unit ON unit.id = contract.unit_id
              LEFT JOIN realty_layout layout ON layout.id = contract.layout_id
              LEFT JOIN realty_reservation reservation ON reservation.id = contract.reservation_id
              LEFT JOIN crm_lead lead ON lead.id = reservation.lead_id
              LEFT JOIN res_users salesperson ON salesperson.id = contract.user_id
             WHERE contract.state IN %(states)s
               AND contract.date_signed IS NOT NULL
            """,
            floor_band=band_case(SQL("unit.floor"), FLOOR_BANDS, "<="),
            price_band=band_case(SQL("contract.price"), PRICE_BANDS, "<"),
            states=SIGNED_STATES,
        )

    @api.model
    def init(self):
        # a project's (or every project's) sales over a period: the usual filter of this analysis
        create_index(
            self.env.cr,
            "realty_contract_report_sales_index",
            "realty_contract",
            ["project_id", "date_signed"],
            where="date_signed IS NOT NULL",
        )
