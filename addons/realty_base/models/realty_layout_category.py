from odoo import fields, models


class RealtyLayoutCategory(models.Model):
    _name = "realty.layout.category"
    _description = "Layout Category"
    _order = "sequence, id"

    name = fields.Char("Category", required=True, translate=True)
    sequence = fields.Integer(default=10)
    bedrooms = fields.Integer("Bedrooms", help="Typical number of bedrooms of layouts in this category.")
    active = fields.Boolean(default=True)
