from odoo import api, fields, models
from odoo.fields import Domain


class ResUsers(models.Model):
    _inherit = "res.users"

    realty_role_id = fields.Many2one(
        "res.users.role",
        "Real Estate Role",
        compute="_compute_realty_role_id",
        search="_search_realty_role_id",
        compute_sudo=True,
        groups="base.group_erp_manager",
    )

    @api.depends("role_line_ids.role_id")
    def _compute_realty_role_id(self):
        for user in self:
            user.realty_role_id = user.role_line_ids.role_id.filtered("is_realty_role")[:1]

    def _search_realty_role_id(self, operator, value):
        realty_line = Domain("role_id.is_realty_role", "=", True)
        if value in (False, [False], (False,)) and operator in ("=", "!=", "in", "not in"):
            return Domain("role_line_ids", "not any" if operator in ("=", "in") else "any", realty_line)
        return Domain("role_line_ids", "any", realty_line & Domain("role_id", operator, value))

    # ------------------------------------------------------------------
    # CRUD: group changes made outside roles go to the access log
    # ------------------------------------------------------------------

    def write(self, vals):
        if "group_ids" not in vals:
            return super().write(vals)
        before = {user.id: user.group_ids for user in self.sudo()}
        result = super().write(vals)
        self.env["realty.access.log"]._log(
            [values for user in self.sudo() if (values := user._prepare_group_log_values(before[user.id]))]
        )
        return result

    def _prepare_group_log_values(self, old_groups):
        added, removed = self.group_ids - old_groups, old_groups - self.group_ids
        if not (added or removed):
            return None
        return {
            "kind": "groups",
            "user_id": self.id,
            "old_value": ", ".join(removed.mapped("full_name")) or False,
            "new_value": ", ".join(added.mapped("full_name")) or False,
            "description": self.env._("Groups removed (before) and added (after) outside roles."),
        }

    # ------------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------------

    def _set_realty_role(self, role):
        """Give these users ``role`` in place of their current real estate role, in a few batch writes."""
        Line = self.env["res.users.role.line"].sudo()
        lines = Line.search([("user_id", "in", self.ids), ("role_id.is_realty_role", "=", True)])
        keep = lines.filtered(lambda line: line.role_id == role)
        switch = {}  # one line per user who has another real estate role: it becomes the new role (one history entry)
        for line in lines - keep:
            if line.user_id not in keep.user_id:
                switch.setdefault(line.user_id, line)
        switch = Line.union(*switch.values())
        (lines - keep - switch).unlink()
        switch.write({"role_id": role.id})
        Line.create([{"user_id": user.id, "role_id": role.id} for user in self - keep.user_id - switch.user_id])
        self.sudo().set_groups_from_roles(force=True)
