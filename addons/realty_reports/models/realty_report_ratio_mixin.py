from odoo import api, models
from odoo.tools import SQL

DEFAULT_TZ = "Asia/Shanghai"  # a sales office's day when its company's partner has no time zone


class RealtyReportRatioMixin(models.AbstractModel):
    """Ratios of a SQL-view report that stay true per group (a conversion rate, a cost per lead, an achievement).

    A ratio cannot be summed or averaged over rows: the rate of a group is the sum of its numerators divided by the
    sum of its denominators. Each ratio field names its numerator and denominator (``_ratio_fields``), and every
    aggregate of it (pivot, graph, grouped list, ordering, having) is computed in SQL from the group's sums; it is
    empty, not zero and not a division error, when the denominator's sum is zero. Each row holds its own ratio."""

    _name = "realty.report.ratio.mixin"
    _description = "Report Ratios per Group"

    @api.model
    def _ratio_fields(self):
        """{ratio field: (numerator field, denominator field, factor)}: e.g. a rate in % has the factor 100."""
        return {}

    @api.model
    def _read_group_select(self, aggregate_spec, query):
        sql = super()._read_group_select(aggregate_spec, query)  # validates the spec and the field's access
        ratio = self._ratio_fields().get(aggregate_spec.split(":")[0])
        if aggregate_spec == "__count" or not ratio:
            return sql
        numerator, denominator, factor = ratio
        return SQL(
            "(SUM(%s) * %s)::float / NULLIF(SUM(%s), 0)",
            self._field_to_sql(self._table, numerator, query),
            factor,
            self._field_to_sql(self._table, denominator, query),
        )

    # ------------------------------------------------------------------
    # TOOLS FOR THE VIEWS' SQL
    # ------------------------------------------------------------------

    @api.model
    def _zone_sql(self):
        """Each company's time zone (its partner's, else the sales office default): the days of its reports."""
        return SQL(
            """SELECT company.id AS company_id, COALESCE(partner.tz, %s) AS tz
                 FROM res_company company
                 JOIN res_partner partner ON partner.id = company.partner_id""",
            DEFAULT_TZ,
        )

    @api.model
    def _local_day_sql(self, moment, tz):
        """The local calendar day of a UTC datetime column in time zone ``tz`` (an SQL expression)."""
        return SQL("(%s AT TIME ZONE 'UTC' AT TIME ZONE COALESCE(%s, %s))::date", moment, tz, DEFAULT_TZ)

    @api.model
    def _row_ratio_sql(self, numerator, denominator, factor):
        """One row's own ratio, empty when its denominator is zero."""
        return SQL("CASE WHEN %s <> 0 THEN (%s * %s)::float / %s END", denominator, numerator, factor, denominator)
