from odoo import fields, models


class RealtyProjectImage(models.Model):
    _name = "realty.project.image"
    _description = "Project Gallery Image"
    _inherit = ["image.mixin"]
    _order = "sequence, id"

    name = fields.Char("Caption", required=True)
    sequence = fields.Integer(default=10)
    project_id = fields.Many2one("realty.project", "Project", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="project_id.company_id", store=True, index=True)
    image_1920 = fields.Image(required=True)
