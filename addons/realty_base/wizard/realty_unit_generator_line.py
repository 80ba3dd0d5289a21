from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.realty_layout import ORIENTATIONS


class RealtyUnitGeneratorLine(models.TransientModel):
    _name = "realty.unit.generator.line"
    _description = "Unit Generator Position"
    _order = "position"

    generator_id = fields.Many2one("realty.unit.generator", required=True, ondelete="cascade")
    currency_id = fields.Many2one(related="generator_id.currency_id")
    position = fields.Integer("Position", required=True)
    layout_id = fields.Many2one("realty.layout", "Layout")
    gross_area = fields.Float(
        "Gross Area (m²)", digits=(12, 2), compute="_compute_from_layout", store=True, readonly=False
    )
    inner_area = fields.Float(
        "Inner Area (m²)", digits=(12, 2), compute="_compute_from_layout", store=True, readonly=False
    )
    orientation = fields.Selection(
        ORIENTATIONS, "Orientation", compute="_compute_from_layout", store=True, readonly=False
    )
    price_adjustment = fields.Monetary(
        "Price Adjustment", help="Added to the base price per m² for this position (e.g. end units, views)."
    )

    @api.depends("layout_id")
    def _compute_from_layout(self):
        for line in self:
            line.gross_area = line.layout_id.gross_area
            line.inner_area = line.layout_id.inner_area
            line.orientation = line.layout_id.orientation

    def _check_input(self):
        for line in self:
            if line.gross_area <= 0 or line.inner_area <= 0 or line.inner_area > line.gross_area:
                raise UserError(
                    self.env._(
                        "Position %(position)s: areas must be positive and the inner area cannot exceed the gross area.",
                        position=line.position,
                    )
                )
