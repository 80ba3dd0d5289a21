from odoo import api, models


class BaseUserRoleLineHistory(models.Model):
    """OCA's role history, copied into the access log that also holds group changes and handovers."""

    _inherit = "base.user.role.line.history"

    @api.model_create_multi
    def create(self, vals_list):
        histories = super().create(vals_list)
        self.env["realty.access.log"]._log([history._prepare_access_log_values() for history in histories])
        return histories

    def _prepare_access_log_values(self):
        actions = dict(self._fields["performed_action"]._description_selection(self.env))
        return {
            "kind": "role",
            "user_id": self.user_id.id,
            "old_value": self.old_role_id.name or False,
            "new_value": self.new_role_id.name if self.performed_action != "unlink" else False,
            "description": actions.get(self.performed_action),
        }
