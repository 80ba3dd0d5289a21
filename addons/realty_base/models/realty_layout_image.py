from odoo import fields, models


class RealtyLayoutImage(models.Model):
    _name = "realty.layout.image"
    _description = "Layout Floorplan Image"
    _inherit = ["image.mixin"]
    _order = "sequence, id"

    name = fields.Char("Caption", required=True)
    sequence = fields.Integer(default=10)
    layout_id = fields.Many2one("realty.layout", "Layout", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="layout_id.company_id", store=True, index=True)
    image_1920 = fields.Image(required=True)
