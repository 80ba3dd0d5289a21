from odoo import api, fields, models


class RealtyRoleAssign(models.TransientModel):
    """Give the selected users one real estate role (in place of the one they had)."""

    _name = "realty.role.assign"
    _description = "Change Real Estate Role"

    role_id = fields.Many2one("res.users.role", "New Role", required=True, domain=[("is_realty_role", "=", True)])
    user_ids = fields.Many2many("res.users", string="Users", required=True, domain=[("share", "=", False)])

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if "user_ids" in fields_list and self.env.context.get("active_model") == "res.users":
            values["user_ids"] = [fields.Command.set(self.env.context.get("active_ids", []))]
        return values

    def action_apply(self):
        self.ensure_one()
        self.user_ids._set_realty_role(self.role_id)
        return {"type": "ir.actions.act_window_close"}
