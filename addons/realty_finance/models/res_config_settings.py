from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    realty_invoice_lead_days = fields.Integer(related="company_id.realty_invoice_lead_days", readonly=False)
    realty_installment_product_id = fields.Many2one(related="company_id.realty_installment_product_id", readonly=False)
    realty_income_account_id = fields.Many2one(related="company_id.realty_income_account_id", readonly=False)
    realty_late_fee_rate = fields.Float(related="company_id.realty_late_fee_rate", readonly=False)
