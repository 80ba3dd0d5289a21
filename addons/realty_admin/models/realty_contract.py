from odoo import api, fields, models


class RealtyContract(models.Model):
    _inherit = "realty.contract"

    team_id = fields.Many2one(
        "crm.team",
        "Sales Team",
        compute="_compute_team_id",
        store=True,
        index=True,
        help="The salesperson's sales team when the contract was made or handed over: its managers see it.",
    )

    @api.depends("user_id")
    def _compute_team_id(self):
        for contract in self:
            contract.team_id = contract.user_id.sudo().sale_team_id

    @api.model
    def _action_only_fields(self):
        return super()._action_only_fields() | {"team_id"}
