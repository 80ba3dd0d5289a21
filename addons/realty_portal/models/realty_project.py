from odoo import models


class RealtyProject(models.Model):
    _name = "realty.project"
    _inherit = ["realty.project", "realty.showcase.mixin"]

    _showcase_unit_field = "project_id"
