from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.realty_finance.models.account_payment import PAYMENT_METHODS


class RealtyDailyReportLine(models.Model):
    """A breakdown row of a daily log: money received by one receipt method, or one advertising channel's leads,
    deals and spend (source / medium / campaign)."""

    _name = "realty.daily.report.line"
    _description = "Daily Log Breakdown"
    _inherit = ["realty.action.guard.mixin"]
    _order = "report_id, kind, amount desc, id"

    report_id = fields.Many2one("realty.daily.report", "Daily Log", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="report_id.company_id", store=True)
    currency_id = fields.Many2one(related="report_id.currency_id")
    date = fields.Date(related="report_id.date", store=True)
    project_id = fields.Many2one(related="report_id.project_id", store=True)
    kind = fields.Selection([("method", "Receipt Method"), ("channel", "Advertising Channel")], required=True)
    method = fields.Selection(PAYMENT_METHODS, "Receipt Method")
    source_id = fields.Many2one("utm.source", "Source")
    medium_id = fields.Many2one("utm.medium", "Medium")
    campaign_id = fields.Many2one("utm.campaign", "Campaign")
    leads = fields.Integer("Leads")
    visits = fields.Integer("Visits")
    deals = fields.Integer("Deals")
    amount = fields.Monetary("Amount", help="Received (receipt method) or spent (advertising channel).")

    @api.model
    def _action_only_fields(self):
        """Like its daily log's figures, a breakdown row is written only by the snapshot itself."""
        return super()._action_only_fields() | {
            "report_id",
            "kind",
            "method",
            "source_id",
            "medium_id",
            "campaign_id",
            "leads",
            "visits",
            "deals",
            "amount",
        }

    def unlink(self):
        if not self._in_action():
            raise UserError(self.env._("A daily log's breakdown changes only when the log is recomputed."))
        return super().unlink()
