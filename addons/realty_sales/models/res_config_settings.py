from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    realty_discount_limit = fields.Float(related="company_id.realty_discount_limit", readonly=False)
    realty_mortgage_rate = fields.Float(related="company_id.realty_mortgage_rate", readonly=False)
    realty_provident_rate = fields.Float(related="company_id.realty_provident_rate", readonly=False)
    realty_loan_years = fields.Integer(related="company_id.realty_loan_years", readonly=False)
    realty_income_share = fields.Float(related="company_id.realty_income_share", readonly=False)
    realty_currency_id = fields.Many2one(related="company_id.currency_id", string="Real Estate Currency")
    realty_provident_loan_cap = fields.Monetary(
        related="company_id.realty_provident_loan_cap", currency_field="realty_currency_id", readonly=False
    )
    realty_price_rounding = fields.Selection(related="company_id.realty_price_rounding", readonly=False)
