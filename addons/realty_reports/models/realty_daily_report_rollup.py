from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, models

from .realty_daily_report_figures import ZERO_FIGURES

# figures of the state at a day's end: a period takes them from its last day, not their sum
STOCK_FIGURES = ("overdue_amount", "units_total", "units_available", "units_held", "units_reserved", "units_sold")
FLOW_FIGURES = tuple(name for name in ZERO_FIGURES if name not in STOCK_FIGURES and name != "contracts_unit_price")
PERIODS = ("day", "week", "month")


class RealtyDailyReport(models.Model):
    """Week and month roll-ups of the daily logs, and the comparison with the previous period and last year."""

    _inherit = "realty.daily.report"

    @api.model
    def _period_totals(self, projects, date_from, date_to):
        """{figure: value} of ``projects`` from ``date_from`` to ``date_to`` (inclusive): the flows summed over the
        daily logs, the stock and overdue figures those of each project's last log in the range, the average unit
        price recomputed as signed amount / signed area."""
        domain = [("project_id", "in", projects.ids), ("date", ">=", date_from), ("date", "<=", date_to)]
        [flows] = self._read_group(domain, [], [f"{name}:sum" for name in FLOW_FIGURES])
        totals = dict(ZERO_FIGURES) | {name: value or 0 for name, value in zip(FLOW_FIGURES, flows, strict=True)}
        totals |= self._last_day_stock(domain)
        area = totals["contracts_area"]
        currency = projects.currency_id[:1] or self.env.company.currency_id
        totals["contracts_unit_price"] = currency.round(totals["contracts_amount"] / area) if area else 0.0
        return totals

    @api.model
    def _last_day_stock(self, domain):
        last_days = dict(self._read_group(domain, ["project_id"], ["date:max"]))
        rows = self.search_fetch(
            domain + [("date", "in", list(set(last_days.values())))], ["project_id", "date", *STOCK_FIGURES]
        )
        last = rows.filtered(lambda row: last_days[row.project_id] == row.date)
        return {name: sum(last.mapped(name)) for name in STOCK_FIGURES}

    @api.model
    def _period_comparison(self, projects, period, day):
        """{'current', 'previous', 'last_year'}: each {'date_from', 'date_to', **totals}. The current period runs from
        the start of ``day``'s day / week (Monday) / month to ``day``; the previous one is the period before, to the
        same point (the whole of it when ``day`` ends its period); last year's is the same dates a year earlier
        (for a week, 52 weeks earlier, so that it starts on a Monday too)."""
        current = self._period_bounds(period, day)
        ranges = {
            "current": current,
            "previous": self._shifted(period, current, self._previous_start(period, current[0])),
            "last_year": self._shifted(period, current, self._last_year_start(period, current[0])),
        }
        return {
            key: {"date_from": date_from, "date_to": date_to, **self._period_totals(projects, date_from, date_to)}
            for key, (date_from, date_to) in ranges.items()
        }

    @api.model
    def _period_bounds(self, period, day):
        if period == "day":
            return day, day
        if period == "week":
            return day - timedelta(days=day.weekday()), day
        if period == "month":
            return day.replace(day=1), day
        raise ValueError(f"Unknown period {period!r}: one of {PERIODS}")

    @api.model
    def _period_end(self, period, start):
        ends = {"day": relativedelta(), "week": relativedelta(days=6), "month": relativedelta(months=1, days=-1)}
        return start + ends[period]

    @api.model
    def _previous_start(self, period, start):
        steps = {"day": relativedelta(days=1), "week": relativedelta(weeks=1), "month": relativedelta(months=1)}
        return start - steps[period]

    @api.model
    def _last_year_start(self, period, start):
        return start - (relativedelta(weeks=52) if period == "week" else relativedelta(years=1))

    @api.model
    def _shifted(self, period, current, start):
        """The range starting at ``start`` as far into its period as ``current`` is into its own."""
        date_from, date_to = current
        end = self._period_end(period, start)
        if date_to == self._period_end(period, date_from):
            return start, end
        return start, min(start + (date_to - date_from), end)
