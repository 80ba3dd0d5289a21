from odoo import models


class RealtyReservation(models.Model):
    _name = "realty.reservation"
    _inherit = ["realty.sales.team.mixin", "realty.reservation"]  # the mixin first: it extends the guard's fields
