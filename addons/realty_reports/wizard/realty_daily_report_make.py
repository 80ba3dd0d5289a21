from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class RealtyDailyReportMake(models.TransientModel):
    """Make the daily logs of past days on demand; rewriting an existing log is an explicit, logged choice."""

    _name = "realty.daily.report.make"
    _description = "Make or Recompute Daily Logs"

    project_ids = fields.Many2many("realty.project", string="Projects", required=True)
    date = fields.Date("Day", required=True, default=lambda self: self._default_date())
    recompute = fields.Boolean(
        "Recompute Existing Logs",
        help="Rewrite the logs of that day that already exist from the records as they are now; each change is "
        "posted on the log. Otherwise only the missing logs are made.",
    )
    existing_count = fields.Integer("Existing Logs", compute="_compute_existing_count")

    @api.model
    def _default_date(self):
        return self.env["realty.daily.report"]._company_today(self.env.company) - timedelta(days=1)

    @api.depends("project_ids", "date")
    def _compute_existing_count(self):
        for wizard in self:
            wizard.existing_count = self.env["realty.daily.report"].search_count(
                [("project_id", "in", wizard.project_ids.ids), ("date", "=", wizard.date)]
            )

    def action_make(self):
        self.ensure_one()
        if not self.project_ids:
            raise UserError(self.env._("Choose the projects."))
        reports = self.env["realty.daily.report"]._make(self.project_ids, self.date, recompute=self.recompute)
        action = self.env["ir.actions.act_window"]._for_xml_id("realty_reports.realty_daily_report_action")
        action["domain"] = [("id", "in", reports.ids)]
        return action
