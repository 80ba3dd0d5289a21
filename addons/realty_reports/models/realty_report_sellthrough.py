from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from .realty_report_sales import FLOOR_BANDS, band_case

# the contract and the reservation that sold a unit (at most one of each, by their unique indexes)
SOLD_CONTRACT_STATES = ("signed", "registered", "delivered")
SOLD_RESERVATION_STATES = ("confirmed", "converted")


class RealtyReportSellthrough(models.Model):
    """Sell-through 去化 and stock 存量: one row per unit on sale (every state but "not released").

    A unit is sold when reserved, contracted or delivered (``realty.unit._get_sold_states``); it was sold on the
    day its reservation was confirmed (in the company's time zone), else on its contract's signing day. The rates
    are ratios of sums in every group (``realty.report.ratio.mixin``): sold units / units on sale, sold area /
    area on sale. Stock is what is not sold, at its standard total price.

    "As of" a past day: the context key ``realty_sold_before`` (the search view's "Sold Before" field) counts as
    sold only the units sold before that day; the others are stock. Units are the ones on sale today, and a sale
    terminated since then is not counted: the units' past states are not recorded."""

    _name = "realty.report.sellthrough"
    _description = "Sell-through Analysis"
    _inherit = ["realty.report.ratio.mixin"]
    _auto = False
    _order = "project_id, building_id, floor desc, unit_id"
    _rec_name = "unit_id"
    _depends = {
        "realty.unit": [
            "state",
            "project_id",
            "building_id",
            "company_id",
            "layout_id",
            "floor",
            "gross_area",
            "total_price",
        ],
        "realty.layout": ["category_id"],
        "realty.reservation": ["unit_id", "state", "date_reservation", "price"],
        "realty.contract": ["unit_id", "state", "date_signed", "price"],
    }

    unit_id = fields.Many2one("realty.unit", "Unit", readonly=True)
    company_id = fields.Many2one("res.company", "Company", readonly=True)
    currency_id = fields.Many2one("res.currency", "Currency", readonly=True)
    project_id = fields.Many2one("realty.project", "Project", readonly=True)
    building_id = fields.Many2one("realty.building", "Building", readonly=True)
    layout_id = fields.Many2one("realty.layout", "Layout", readonly=True)
    layout_category_id = fields.Many2one("realty.layout.category", "Layout Category", readonly=True)
    floor = fields.Integer("Floor", readonly=True, aggregator=False)
    floor_band = fields.Selection([band[:2] for band in FLOOR_BANDS], "Floor Band", readonly=True)
    state = fields.Selection(selection="_selection_state", string="Sales State", readonly=True)
    is_sold = fields.Boolean("Sold", readonly=True)
    date_sold = fields.Date("Sold On", readonly=True)
    date_signed = fields.Date("Contract Signed On", readonly=True)
    unit_count = fields.Integer("Units on Sale", readonly=True)
    sold_count = fields.Integer("Units Sold", readonly=True)
    stock_count = fields.Integer("Units in Stock", readonly=True)
    gross_area = fields.Float("Area on Sale (m²)", digits=(16, 2), readonly=True)
    sold_area = fields.Float("Sold Area (m²)", digits=(16, 2), readonly=True)
    stock_area = fields.Float("Stock Area (m²)", digits=(16, 2), readonly=True)
    list_value = fields.Monetary("Standard Value", readonly=True)
    sold_value = fields.Monetary("Sold Value", readonly=True, help="Agreed price of the sold units.")
    stock_value = fields.Monetary("Stock Value", readonly=True, help="Standard total price of the unsold units.")
    sell_through = fields.Float(
        "Sell-through (Units, %)",
        digits=(16, 2),
        readonly=True,
        aggregator="avg",
        help="Units sold divided by units on sale.",
    )
    sell_through_area = fields.Float(
        "Sell-through (Area, %)",
        digits=(16, 2),
        readonly=True,
        aggregator="avg",
        help="Sold gross area divided by gross area on sale.",
    )

    def _ratio_fields(self):
        return {
            "sell_through": ("sold_count", "unit_count", 100),
            "sell_through_area": ("sold_area", "gross_area", 100),
        }

    @api.model
    def _selection_state(self):
        return self.env["realty.unit"]._fields["state"]._description_selection(self.env)

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT base.*,
                   1 AS unit_count,
                   CASE WHEN base.is_sold THEN 1 ELSE 0 END AS sold_count,
                   CASE WHEN base.is_sold THEN 0 ELSE 1 END AS stock_count,
                   CASE WHEN base.is_sold THEN base.gross_area ELSE 0 END AS sold_area,
                   CASE WHEN base.is_sold THEN 0 ELSE base.gross_area END AS stock_area,
                   CASE WHEN base.is_sold THEN base.agreed_price ELSE 0 END AS sold_value,
                   CASE WHEN base.is_sold THEN 0 ELSE base.list_value END AS stock_value,
                   CASE WHEN base.is_sold THEN 100.0 ELSE 0.0 END AS sell_through,
                   CASE WHEN base.is_sold THEN 100.0 ELSE 0.0 END AS sell_through_area
              FROM (%(units)s) base
            """,
            units=self._units_query(),
        )

    def _units_query(self):
        reserved_on = self._local_day_sql(SQL("reservation.date_reservation"), SQL("partner.tz"))
        date_sold = SQL("COALESCE(%s, contract.date_signed)", reserved_on)
        is_sold = SQL("unit.state IN %s", self.env["realty.unit"]._get_sold_states())
        cutoff = self._sold_before()
        if cutoff:
            is_sold = SQL("(%s AND %s < %s)", is_sold, date_sold, cutoff)
        return SQL(
            """
            SELECT unit.id AS id,
                   unit.id AS unit_id,
                   unit.company_id AS company_id,
                   company.currency_id AS currency_id,
                   unit.project_id AS project_id,
                   unit.building_id AS building_id,
                   unit.layout_id AS layout_id,
                   layout.category_id AS layout_category_id,
                   unit.floor AS floor,
                   %(floor_band)s AS floor_band,
                   unit.state AS state,
                   COALESCE(%(is_sold)s, FALSE) AS is_sold,
                   CASE WHEN unit.state IN %(sold_states)s THEN %(date_sold)s END AS date_sold,
                   contract.date_signed AS date_signed,
                   unit.gross_area AS gross_area,
                   unit.total_price AS list_value,
                   COALESCE(contract.price, reservation.price, unit.total_price) AS agreed_price
              FROM realty_unit unit
              LEFT JOIN res_company company ON company.id = unit.company_id
              LEFT JOIN res_partner partner ON partner.id = company.partner_id
              LEFT JOIN realty_layout layout ON layout.id = unit.layout_id
              LEFT JOIN realty_reservation reservation
                     ON reservation.unit_id = unit.id AND reservation.state IN %(reservation_states)s
              LEFT JOIN realty_contract contract
                     ON contract.unit_id = unit.id AND contract.state IN %(contract_states)s
             WHERE unit.state != 'draft'
            """,
            floor_band=band_case(SQL("unit.floor"), FLOOR_BANDS, "<="),
            is_sold=is_sold,
            sold_states=self.env["realty.unit"]._get_sold_states(),
            date_sold=date_sold,
            reservation_states=SOLD_RESERVATION_STATES,
            contract_states=SOLD_CONTRACT_STATES,
        )

    def _sold_before(self):
        """The day of the context's ``realty_sold_before`` (a date, or the list of dates a search field gives:
        the earliest), or None."""
        value = self.env.context.get("realty_sold_before")
        values = value if isinstance(value, (list, tuple)) else [value]
        try:
            days = [fields.Date.to_date(day) for day in values if day]
        except (TypeError, ValueError):
            raise UserError(self.env._("“Sold Before” needs a date, e.g. 2026-01-31."))
        return min(days) if days else None
