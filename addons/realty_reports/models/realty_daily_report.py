from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount

# The figures of a day, frozen once made: only the snapshot itself (cron or an explicit, logged recompute) writes them.
FIGURE_FIELDS = (
    "leads_new",
    "customers_new",
    "visits_first",
    "visits_repeat",
    "visitors",
    "reservations_count",
    "reservations_area",
    "reservations_amount",
    "reservations_cancelled",
    "reservations_expired",
    "contracts_count",
    "contracts_area",
    "contracts_amount",
    "contracts_unit_price",
    "contracts_terminated",
    "received_amount",
    "overdue_amount",
    "units_total",
    "units_available",
    "units_held",
    "units_reserved",
    "units_sold",
    "ad_spend",
    "line_ids",
    "computed_at",
    "computed_by_id",
)


class RealtyDailyReport(models.Model):
    """日报: one stored snapshot of a project's day. Made after midnight by a cron, or on demand for any past day;
    later edits of the records it counted do not change it (a recompute is an explicit, logged action)."""

    _name = "realty.daily.report"
    _description = "Daily Log"
    _inherit = ["mail.thread", "realty.action.guard.mixin"]
    _order = "date desc, project_id"
    _rec_names_search = ["project_id"]

    project_id = fields.Many2one("realty.project", "Project", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="project_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date("Day", required=True, index=True)

    # customers and visits
    leads_new = fields.Integer("New Leads")
    customers_new = fields.Integer("New Customers")
    visits_first = fields.Integer("First Visits")
    visits_repeat = fields.Integer("Repeat Visits")
    visitors = fields.Integer("Visitors")
    # reservations 认购
    reservations_count = fields.Integer("Reservations")
    reservations_area = fields.Float("Reserved Area (m²)", digits=(16, 2))
    reservations_amount = fields.Monetary("Reserved Amount")
    reservations_cancelled = fields.Integer("Reservations Cancelled")
    reservations_expired = fields.Integer("Reservations Expired")
    # contracts 签约
    contracts_count = fields.Integer("Contracts Signed")
    contracts_area = fields.Float("Signed Area (m²)", digits=(16, 2))
    contracts_amount = fields.Monetary("Signed Amount")
    contracts_unit_price = fields.Monetary(
        "Average Unit Price", aggregator=None, help="Signed amount per m² of gross area."
    )
    contracts_terminated = fields.Integer("Contracts Terminated")
    # money 回款
    received_amount = fields.Monetary("Received")
    overdue_amount = fields.Monetary("Overdue at Day End", aggregator=None)
    # stock 房源 at day end
    units_total = fields.Integer("Units", aggregator=None)
    units_available = fields.Integer("Units Available", aggregator=None)
    units_held = fields.Integer("Units Held", aggregator=None)
    units_reserved = fields.Integer("Units Reserved", aggregator=None)
    units_sold = fields.Integer("Units Sold", aggregator=None)
    # advertising 广告
    ad_spend = fields.Monetary("Advertising Spend")
    line_ids = fields.One2many("realty.daily.report.line", "report_id", "Breakdown")
    method_line_ids = fields.One2many(
        "realty.daily.report.line", "report_id", "Received by Method", domain=[("kind", "=", "method")], readonly=True
    )
    channel_line_ids = fields.One2many(
        "realty.daily.report.line",
        "report_id",
        "Advertising Channels",
        domain=[("kind", "=", "channel")],
        readonly=True,
    )
    computed_at = fields.Datetime("Computed On", readonly=True)
    computed_by_id = fields.Many2one("res.users", "Computed By", readonly=True)

    _project_date_unique = models.UniqueIndex("(project_id, date)", "A project has one daily log per day.")

    @api.depends("project_id", "date")
    def _compute_display_name(self):
        for report in self:
            report.display_name = f"{report.project_id.name or ''} {report.date or ''}".strip()

    @api.model
    def _action_only_fields(self):
        return set(FIGURE_FIELDS) | {"project_id", "date", "method_line_ids", "channel_line_ids"}

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    def action_recompute(self):
        """Recompute these logs from the records as they are now (explicit; logged on each log's chatter)."""
        self.check_access("write")
        for report in self:
            report._make(report.project_id, report.date, recompute=True)
        return True

    # ------------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------------

    @api.model
    def _make(self, projects, day, recompute=False):
        """The logs of ``projects`` on ``day``: the missing ones are made; existing ones are kept as they are,
        or, with ``recompute``, rewritten from the records and the changes posted on their chatter."""
        for company in projects.company_id:
            self._check_day_over(company, day)
        existing = self.search([("project_id", "in", projects.ids), ("date", "=", day)])
        reports = existing
        Reports = self._action_env().with_context(mail_create_nolog=True, mail_create_nosubscribe=True)
        for project in projects - existing.project_id:
            reports |= Reports.create(self._prepare_report_values(project, day))
        if recompute:
            for report in existing:
                report._recompute()
        return reports.with_env(self.env)

    @api.model
    def _check_day_over(self, company, day):
        if day >= self._company_today(company):
            raise UserError(
                self.env._(
                    "The daily log of %(day)s can only be made once that day is over.",
                    day=fields.Date.to_string(day),
                )
            )

    @api.model
    def _prepare_report_values(self, project, day):
        return {
            "project_id": project.id,
            "date": day,
            "computed_at": fields.Datetime.now(),
            "computed_by_id": self.env.uid,
            **self._snapshot_values(project, day),
        }

    def _recompute(self):
        self.ensure_one()
        before = self._figures()
        lines_before = self._line_keys()
        values = self._snapshot_values(self.project_id, self.date)
        self._action_env().write({**values, "computed_at": fields.Datetime.now(), "computed_by_id": self.env.uid})
        self.message_post(body=self._recompute_message(before, lines_before != self._line_keys()))

    def _figures(self):
        return {name: self[name] for name in FIGURE_FIELDS if name not in ("line_ids", "computed_at", "computed_by_id")}

    def _line_keys(self):
        return sorted(
            (line.kind, line.method or "", line.source_id.id, line.medium_id.id, line.campaign_id.id)
            + (line.leads, line.visits, line.deals, line.amount)
            for line in self.line_ids
        )

    def _recompute_message(self, before, lines_changed):
        changes = [
            Markup("<li>%s: %s → %s</li>")
            % (
                self._fields[name]._description_string(self.env),
                self._format(name, old),
                self._format(name, self[name]),
            )
            for name, old in before.items()
            if old != self[name]
        ]
        if lines_changed:
            changes.append(Markup("<li>%s</li>") % self.env._("Breakdown lines updated"))
        title = self.env._("Daily log recomputed by %(user)s.", user=self.env.user.name)
        if not changes:
            return Markup("<p>%s %s</p>") % (title, self.env._("No figure changed."))
        return Markup("<p>%s</p><ul>%s</ul>") % (title, Markup("").join(changes))

    def _format(self, name, value):
        if self._fields[name].type == "monetary":
            return format_amount(self.env, value, self.currency_id)
        return value

    @api.model
    def _cron_make_yesterday(self):
        """Daily, after midnight: yesterday's log of every project with units that has none yet, one project at a
        time, each committed; an interrupted run resumes with the projects still missing."""
        in_cron = bool(self.env.context.get("ir_cron_progress_id"))
        todo = self._missing_yesterday()
        if in_cron:
            self.env["ir.cron"]._commit_progress(remaining=len(todo))
        for project, day in todo:
            self._make(project, day)
            if in_cron and not self.env["ir.cron"]._commit_progress(1):
                self.env.ref("realty_reports.ir_cron_daily_report")._trigger()
                return

    @api.model
    def _missing_yesterday(self):
        """[(project, its company's yesterday)] of the projects with units and no log of that day yet."""
        projects = self.env["realty.project"].browse(
            project.id for [project] in self.env["realty.unit"]._read_group([], ["project_id"])
        )
        todo = []
        for company, company_projects in projects.filtered("active").grouped("company_id").items():
            day = self._company_today(company) - timedelta(days=1)
            done = self.search([("project_id", "in", company_projects.ids), ("date", "=", day)]).project_id
            todo += [(project, day) for project in company_projects - done]
        return todo
