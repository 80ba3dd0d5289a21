from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    realty_mortgage_stall_days = fields.Integer(related="company_id.realty_mortgage_stall_days", readonly=False)
