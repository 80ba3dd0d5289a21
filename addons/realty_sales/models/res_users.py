from odoo import api, fields, models

BOARD_FIELDS = ("unit_price", "gross_area", "inner_area", "total_price", "layout_id", "orientation")


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
        """Remember which fields the current user shows on the board (unknown names are dropped)."""
        chosen = [name for name in field_names if name in BOARD_FIELDS]
        self.env.user.realty_board_fields = ",".join(chosen)
        return chosen

    def _realty_board_fields(self):
        return [name for name in (self.realty_board_fields or "").split(",") if name in BOARD_FIELDS]
