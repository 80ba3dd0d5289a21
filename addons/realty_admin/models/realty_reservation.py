from odoo import api, fields, models


class RealtyReservation(models.Model):
    _inherit = "realty.reservation"

    team_id = fields.Many2one(
        "crm.team",
        "Sales Team",
        compute="_compute_team_id",
        store=True,
        index=True,
        help="The salesperson's sales team when the reservation was made or handed over: its managers see it.",
    )

    @api.depends("user_id")
    def _compute_team_id(self):
        for reservation in self:
            reservation.team_id = reservation.user_id.sudo().sale_team_id

    @api.model
    def _action_only_fields(self):
        return super()._action_only_fields() | {"team_id"}
