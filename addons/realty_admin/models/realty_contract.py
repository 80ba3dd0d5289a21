from odoo import models


class RealtyContract(models.Model):
    _name = "realty.contract"
    _inherit = ["realty.sales.team.mixin", "realty.contract"]  # the mixin first: it extends the guard's fields
