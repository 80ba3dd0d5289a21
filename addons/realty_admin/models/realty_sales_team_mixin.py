from odoo import api, fields, models


class RealtySalesTeamMixin(models.AbstractModel):
    """A sales document of a team: the salesperson's sales team, stored when the document is made or handed over,
    so that the team's managers see it (realty_admin's team rules). Written by the actions only."""

    _name = "realty.sales.team.mixin"
    _description = "Sales document of a team"

    team_id = fields.Many2one(
        "crm.team",
        "Sales Team",
        compute="_compute_team_id",
        store=True,
        index=True,
        help="The salesperson's sales team when the document was made or handed over: its managers see it.",
    )

    @api.depends("user_id")
    def _compute_team_id(self):
        for document in self:
            document.team_id = document.user_id.sudo().sale_team_id

    @api.model
    def _action_only_fields(self):
        return super()._action_only_fields() | {"team_id"}
