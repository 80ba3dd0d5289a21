from odoo import fields, models


class RealtyAdSpend(models.Model):
    """What one advertising campaign cost on one day (entered or imported): the cost side of 广告效果."""

    _name = "realty.ad.spend"
    _description = "Advertising Spend"
    _order = "date desc, id desc"

    date = fields.Date("Day", required=True, index=True, default=fields.Date.context_today)
    project_id = fields.Many2one("realty.project", "Project", required=True, index=True, check_company=True)
    company_id = fields.Many2one(related="project_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    campaign_id = fields.Many2one("utm.campaign", "Campaign", index=True)
    source_id = fields.Many2one("utm.source", "Source", index=True)
    medium_id = fields.Many2one("utm.medium", "Medium", index=True)
    amount = fields.Monetary("Spend", required=True)
    note = fields.Char("Notes")

    _amount_positive = models.Constraint("CHECK (amount >= 0)", "An advertising spend cannot be negative.")
