from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.realty_finance.models.account_payment_receipt import RECEIVED_STATES
from odoo.addons.realty_reports.models.realty_daily_report_figures import DEFAULT_TZ, SIGNED_CONTRACT_STATES

PERIODS = ("today", "week", "month", "year")
TOP_LIMIT = 5


class RealtyDashboard(models.AbstractModel):
    """The executive dashboard 经营看板: KPI cards for today, this week, this month and this year, trend series and
    top lists, computed live from the source records.

    Every figure is read with the caller's rights (no sudo): each role sees what its record rules let it see (a
    salesperson their own contracts, visits and arrears; executives all of their companies), so a card always
    equals the list it drills down to. A card whose model the caller may not read at all (payments, for sales
    staff without accounting rights) is left out. Each source is read by one grouped query over the whole year
    (and week) around the day, whatever the data size; the periods and the trend are summed from its daily rows.
    Figures are counted like the daily log's: contracts by signing date (terminated since included), payments
    received by payment date."""

    _name = "realty.dashboard"
    _description = "Executive Dashboard"

    @api.model
    def get_dashboard(self, project_ids=None, period="month", day=None):
        """The dashboard's JSON for ``period`` (today, week, month or year) around ``day`` (default: today)."""
        if period not in PERIODS:
            raise UserError(self.env._("Unknown dashboard period: %(period)s", period=period))
        self.env["realty.contract"].check_access("read")
        self = self.with_context(tz=self._dashboard_tz())
        day = fields.Date.to_date(day) or fields.Date.context_today(self)
        ranges = self._period_ranges(day)
        projects = [("project_id", "in", list(project_ids))] if project_ids else []
        span = self._span(ranges)
        signed = self._daily_figures("realty.contract", self._signed_domain(projects), "date_signed", span)
        received = None
        if self.env["account.payment"].has_access("read"):
            received = self._daily_figures("account.payment", self._received_domain(project_ids), "date", span)
        visits = self._daily_figures("realty.visit", projects, "date", span)
        return {
            "period": period,
            "project_ids": list(project_ids or []),
            "day": fields.Date.to_string(day),
            "ranges": {key: [fields.Date.to_string(d) for d in bounds] for key, bounds in ranges.items()},
            "currency_id": self.env.company.currency_id.id,
            "cards": self._cards(ranges, projects, signed, received, visits),
            "trend": self._trend(ranges[period if period != "today" else "week"], period, signed, received),
            "top_layouts": self._top(self._signed_domain(projects), ranges[period], "layout_id"),
            "top_salespeople": self._top(self._signed_domain(projects), ranges[period], "user_id"),
            "projects": [
                {"id": project.id, "name": project.name}
                for project in self.env["realty.project"].search_fetch([], ["name"])  # one query
            ],
        }

    # ------------------------------------------------------------------
    # PERIODS
    # ------------------------------------------------------------------

    @api.model
    def _dashboard_tz(self):
        tz = self.env.context.get("tz") or self.env.user.tz or self.env.company.partner_id.tz or DEFAULT_TZ
        return tz if tz in pytz.all_timezones_set else DEFAULT_TZ

    @api.model
    def _period_ranges(self, day):
        """{period: (first day, day after the last)}; weeks start on Monday."""
        week = day - timedelta(days=day.weekday())
        month = day.replace(day=1)
        year = day.replace(month=1, day=1)
        return {
            "today": (day, day + timedelta(days=1)),
            "week": (week, week + timedelta(days=7)),
            "month": (month, month + relativedelta(months=1)),
            "year": (year, year + relativedelta(years=1)),
        }

    @api.model
    def _span(self, ranges):
        """The days every period and trend is summed from: the year, and the week when it starts in December."""
        return min(ranges["week"][0], ranges["year"][0]), max(ranges["week"][1], ranges["year"][1])

    @api.model
    def _date_domain(self, model, date_field, start, end):
        """``start <= date < end``; a datetime field's bounds are the local midnights, in UTC."""
        if self.env[model]._fields[date_field].type == "datetime":
            tz = pytz.timezone(self.env.context["tz"])
            start, end = (
                fields.Datetime.to_string(tz.localize(datetime.combine(d, time.min)).astimezone(pytz.utc))
                for d in (start, end)
            )
        else:
            start, end = fields.Date.to_string(start), fields.Date.to_string(end)
        return [(date_field, ">=", start), (date_field, "<", end)]

    # ------------------------------------------------------------------
    # SOURCES
    # ------------------------------------------------------------------

    @api.model
    def _signed_domain(self, projects):
        return [("state", "in", SIGNED_CONTRACT_STATES), *projects]

    @api.model
    def _received_domain(self, project_ids):
        project = (
            [("realty_project_id", "in", list(project_ids))] if project_ids else [("realty_project_id", "!=", False)]
        )
        return [
            ("payment_type", "=", "inbound"),
            ("partner_type", "=", "customer"),
            ("state", "in", RECEIVED_STATES),
            *project,
        ]

    @api.model
    def _daily_aggregates(self):
        """The amount summed per source (visits count people: the visitors of each visit)."""
        return {
            "realty.contract": "price:sum",
            "account.payment": "amount_company_currency_signed:sum",
            "realty.visit": "visitors:sum",
        }

    @api.model
    def _daily_figures(self, model, domain, date_field, span):
        """{model, domain, date field, days: {day: (sum, count)}} over the span, in one grouped query."""
        groups = self.env[model]._read_group(
            domain + self._date_domain(model, date_field, *span),
            [f"{date_field}:day"],
            [self._daily_aggregates()[model], "__count"],
        )
        days = {
            value.date() if isinstance(value, datetime) else value: (total, count) for value, total, count in groups
        }
        return {"model": model, "domain": domain, "date_field": date_field, "days": days}

    @api.model
    def _sum(self, figures, start, end):
        days = [(total, count) for day, (total, count) in figures["days"].items() if start <= day < end]
        return sum(total for total, __ in days), sum(count for __, count in days)

    # ------------------------------------------------------------------
    # CARDS
    # ------------------------------------------------------------------

    @api.model
    def _cards(self, ranges, projects, signed, received, visits):
        cards = [self._period_card("signed", self.env._("Signed"), "monetary", signed, ranges)]
        if received is not None:
            cards.append(self._period_card("received", self.env._("Received"), "monetary", received, ranges))
        cards.append(self._period_card("visits", self.env._("Visits"), "integer", visits, ranges, by_count=True))
        cards.append(self._sell_through_card(projects))
        if self.env["realty.report.arrears"].has_access("read"):
            cards.append(self._overdue_card(projects))
        labels = self._count_labels()
        for card in cards:
            card["count_label"] = labels[card["key"]]
        return cards

    @api.model
    def _count_labels(self):
        """What each card's count counts."""
        return {
            "signed": self.env._("contracts"),
            "received": self.env._("payments"),
            "visits": self.env._("visits"),
            "sell_through": self.env._("units sold / released"),
            "overdue": self.env._("overdue installments"),
        }

    @api.model
    def _period_card(self, key, label, kind, figures, ranges, by_count=False):
        """A card with, per period, its value, its record count and the domain of those records."""
        periods = {}
        for period, (start, end) in ranges.items():
            total, count = self._sum(figures, start, end)
            periods[period] = {
                "value": count if by_count else total,
                "count": count,
                "domain": figures["domain"] + self._date_domain(figures["model"], figures["date_field"], start, end),
            }
        return {"key": key, "label": label, "kind": kind, "res_model": figures["model"], "periods": periods}

    @api.model
    def _snapshot_card(self, key, label, kind, model, value, count, domain):
        """A card that is the same for every period (a stock, as of now)."""
        periods = {period: {"value": value, "count": count, "domain": domain} for period in PERIODS}
        return {"key": key, "label": label, "kind": kind, "res_model": model, "periods": periods, "snapshot": True}

    @api.model
    def _sell_through_card(self, projects):
        """去化率: units sold (reserved, contracted, delivered) over units released for sale."""
        units = self.env["realty.unit"]
        sold_states = units._get_sold_states()
        by_state = dict(units._read_group(projects, ["state"], ["__count"]))
        released = sum(count for state, count in by_state.items() if state != "draft")
        sold = sum(by_state.get(state, 0) for state in sold_states)
        domain = [("state", "in", list(sold_states)), *projects]
        card = self._snapshot_card(
            "sell_through", self.env._("Sell-through"), "percentage", "realty.unit", 0.0, sold, domain
        )
        for values in card["periods"].values():
            values.update(value=sold / released if released else 0.0, released=released)
        return card

    @api.model
    def _overdue_card(self, projects):
        [(amount, count)] = self.env["realty.report.arrears"]._read_group(
            projects, [], ["amount_residual:sum", "__count"]
        )
        return self._snapshot_card(
            "overdue", self.env._("Overdue"), "monetary", "realty.report.arrears", amount, count, projects
        )

    # ------------------------------------------------------------------
    # TREND AND TOP LISTS
    # ------------------------------------------------------------------

    @api.model
    def _trend(self, span, period, signed, received):
        """Signed and received per day of the period, or per month for a year."""
        monthly = period == "year"
        buckets = defaultdict(lambda: [0.0, 0.0])
        for index, figures in enumerate((signed, received)):
            for day, (total, __) in (figures or {"days": {}})["days"].items():
                if span[0] <= day < span[1]:
                    buckets[day.replace(day=1) if monthly else day][index] += total
        labels, day, step = [], span[0], relativedelta(months=1) if monthly else timedelta(days=1)
        while day < span[1]:
            labels.append(day)
            day += step
        return {
            "granularity": "month" if monthly else "day",
            "labels": [fields.Date.to_string(label) for label in labels],
            "signed": [buckets[label][0] for label in labels],
            "received": [buckets[label][1] for label in labels] if received is not None else None,
        }

    @api.model
    def _top(self, domain, span, groupby):
        """The first salespeople or layouts by amount signed in the period."""
        groups = self.env["realty.contract"]._read_group(
            domain + self._date_domain("realty.contract", "date_signed", *span) + [(groupby, "!=", False)],
            [groupby],
            ["price:sum", "__count"],
            order="price:sum desc",
            limit=TOP_LIMIT,
        )
        return [
            {"id": record.id, "name": record.display_name, "amount": amount, "count": count}
            for record, amount, count in groups
        ]
