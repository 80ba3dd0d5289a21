from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    realty_board_fields = fields.Char(
        "Sales Board Cell Fields",
        default="total_price,gross_area",
        help="Comma-separated unit fields shown in each cell of the sales-control board.",
    )

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["realty_board_fields"]

    @property
    def SELF_WRITEABLE_FIELDS(self):
        return super().SELF_WRITEABLE_FIELDS + ["realty_board_fields"]

    @api.model
    def realty_set_board_fields(self, field_names):
        """Remember which cell fields the current user shows on the board, in the board's order (unknown names
        are dropped)."""
        chosen = [name for name in self.env["realty.unit"]._board_cell_field_names() if name in field_names]
        self.env.user.realty_board_fields = ",".join(chosen)
        return chosen

    def _realty_board_fields(self):
        allowed = self.env["realty.unit"]._board_cell_field_names()
        return [name for name in (self.realty_board_fields or "").split(",") if name in allowed]
