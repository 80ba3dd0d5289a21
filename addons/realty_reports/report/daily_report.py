from dataclasses import dataclass

from odoo import api, models
from odoo.tools import format_amount, format_date, formatLang

PERIODS = ("day", "week", "month")
# the figures of the log as (field of realty.daily.report, kind of value: integer, money or area)
COLUMNS = (
    ("visitors", "integer"),
    ("leads_new", "integer"),
    ("reservations_count", "integer"),
    ("reservations_amount", "money"),
    ("reservations_cancelled", "integer"),
    ("contracts_count", "integer"),
    ("contracts_area", "area"),
    ("contracts_amount", "money"),
    ("contracts_unit_price", "money"),
    ("contracts_terminated", "integer"),
    ("received_amount", "money"),
    ("overdue_amount", "money"),
    ("units_available", "integer"),
    ("units_sold", "integer"),
    ("ad_spend", "money"),
)


@dataclass(frozen=True)
class DailyLogColumn:
    """A figure of the daily log as the mail, the xlsx and the PDF show it: a field of ``realty.daily.report``
    and the kind of value it holds (``integer``, ``money`` or ``area``)."""

    field: str
    style: str


class ReportDailyReport(models.AbstractModel):
    """日报 as people read it: for the day of the given snapshots and their projects, the day, the week to date and
    the month to date, one row per project and a total, compared with the previous period and the same period last
    year. The same content feeds the PDF (this report), the xlsx (``daily_report_xlsx``) and the morning mail.

    Everything is read as the current user: only the snapshots and projects their record rules let them read."""

    _name = "report.realty_reports.report_daily_report"
    _description = "Daily Log Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        snapshots = self.env["realty.daily.report"].browse(docids)
        content = self._daily_log_content(snapshots)
        return {
            "doc_ids": docids,
            "doc_model": "realty.daily.report",
            "docs": snapshots,
            "log": content,
            "cell": lambda column, totals: self._daily_log_format(column, totals, content["currency"]),
            "date_range": self._daily_log_range,
        }

    # ------------------------------------------------------------------
    # CONTENT (hooks)
    # ------------------------------------------------------------------

    @api.model
    def _daily_log_columns(self):
        """The figures shown, in order; addons insert theirs."""
        return [DailyLogColumn(name, style) for name, style in COLUMNS]

    @api.model
    def _daily_log_mail_kpis(self):
        """The headline figures of the mail, each with its comparison."""
        return ("contracts_amount", "received_amount", "contracts_count", "reservations_count", "visitors")

    @api.model
    def _daily_log_period_titles(self):
        return {
            "day": self.env._("The Day"),
            "week": self.env._("Week to Date"),
            "month": self.env._("Month to Date"),
        }

    @api.model
    def _daily_log_content(self, snapshots):
        """The log of the latest day among ``snapshots``, for their projects: ``{'day', 'currency', 'columns',
        'periods': [{'key', 'title', 'date_from', 'date_to', 'rows': [(project, totals)], 'total', 'previous',
        'last_year'}]}``."""
        snapshots.check_access("read")
        projects = snapshots.project_id.sorted(lambda project: (project.name or "", project.id))
        day = max(snapshots.mapped("date")) if snapshots else None
        currency = projects.company_id[:1].currency_id or self.env.company.currency_id
        return {
            "day": day,
            "projects": projects,
            "currency": currency,
            "columns": [(column, self._daily_log_label(column.field)) for column in self._daily_log_columns()],
            "periods": [self._daily_log_period(projects, period, day) for period in PERIODS] if day else [],
        }

    @api.model
    def _daily_log_period(self, projects, period, day):
        """One period: A's roll-up of every project (its total and comparisons) and of each project alone."""
        Report = self.env["realty.daily.report"]
        comparison = Report._period_comparison(projects, period, day)
        current = comparison["current"]
        date_to = min(current["date_to"], day)
        return {
            "key": period,
            "title": self._daily_log_period_titles()[period],
            "date_from": current["date_from"],
            "date_to": date_to,
            # one roll-up per project: a sales office has a handful of projects, each roll-up is one grouped read
            "rows": [(project, Report._period_totals(project, current["date_from"], date_to)) for project in projects],
            "total": current,
            "previous": comparison["previous"],
            "last_year": comparison["last_year"],
        }

    @api.model
    def _daily_log_label(self, field_name):
        return self.env["realty.daily.report"]._fields[field_name]._description_string(self.env)

    # ------------------------------------------------------------------
    # MAIL
    # ------------------------------------------------------------------

    @api.model
    def _daily_log_mail_values(self, snapshots):
        """What the mail template prints, formatted in the user's language: big figures with their changes
        (环比 against the previous period, 同比 against last year) and a line per project."""
        content = self._daily_log_content(snapshots)
        columns = {column.field: column for column, _label in content["columns"]}
        currency = content["currency"]
        kpis = [columns[name] for name in self._daily_log_mail_kpis() if name in columns]
        return {
            "date": format_date(self.env, content["day"]),
            "periods": [
                {
                    "title": period["title"],
                    "range": self._daily_log_range(period),
                    "kpis": [self._daily_log_mail_kpi(column, period, currency) for column in kpis],
                    "projects": [
                        {
                            "name": project.name,
                            "figures": [
                                (self._daily_log_label(column.field), self._daily_log_format(column, totals, currency))
                                for column in kpis[:2]
                            ],
                        }
                        for project, totals in period["rows"]
                    ],
                }
                for period in content["periods"]
            ],
        }

    @api.model
    def _daily_log_mail_kpi(self, column, period, currency):
        value = period["total"].get(column.field) or 0.0
        return {
            "label": self._daily_log_label(column.field),
            "value": self._daily_log_format(column, period["total"], currency),
            "vs_previous": self._daily_log_change(value, period["previous"].get(column.field)),
            "vs_last_year": self._daily_log_change(value, period["last_year"].get(column.field)),
        }

    @api.model
    def _daily_log_range(self, period):
        if period["date_from"] == period["date_to"]:
            return format_date(self.env, period["date_to"])
        return f"{format_date(self.env, period['date_from'])} – {format_date(self.env, period['date_to'])}"

    # ------------------------------------------------------------------
    # FORMATTING
    # ------------------------------------------------------------------

    @api.model
    def _daily_log_format(self, column, totals, currency):
        value = totals.get(column.field) or 0
        if column.style == "money":
            return format_amount(self.env, value, currency)
        if column.style == "area":
            return f"{formatLang(self.env, value, digits=2)} m²"
        return formatLang(self.env, value, digits=0)

    @api.model
    def _daily_log_change(self, current, previous):
        """The change against ``previous`` as a signed percentage; a dash where there is nothing to compare to."""
        if not previous:
            return "—"
        return f"{(current - previous) / abs(previous) * 100:+.1f}%"
