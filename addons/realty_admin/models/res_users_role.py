from odoo import fields, models


class ResUsersRole(models.Model):
    _inherit = "res.users.role"

    is_realty_role = fields.Boolean(
        "Real Estate Role",
        help="One of the roles of a sales office (executive, sales manager, salesperson, finance, administrator): "
        "a user has at most one of them.",
    )
