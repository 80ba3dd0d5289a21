from odoo import api, fields, models
from odoo.exceptions import UserError


class RealtyAccessLog(models.Model):
    """Who changed whose access, when, from what to what: roles, groups and handovers. Written by the code that
    makes the change (as superuser), never changed nor deleted afterwards."""

    _name = "realty.access.log"
    _description = "Access Log"
    _order = "id desc"
    _rec_name = "user_name"

    date = fields.Datetime("Date", required=True, readonly=True, default=fields.Datetime.now, index=True)
    author_id = fields.Many2one(
        "res.users", "Changed By", readonly=True, ondelete="set null", default=lambda self: self.env.uid
    )
    user_id = fields.Many2one("res.users", "User", readonly=True, index=True, ondelete="set null")
    user_name = fields.Char("User Name", readonly=True)
    kind = fields.Selection(
        [("role", "Role"), ("groups", "Groups"), ("handover", "Handover")], "Change", required=True, readonly=True
    )
    old_value = fields.Char("Before", readonly=True)
    new_value = fields.Char("After", readonly=True)
    description = fields.Text("Details", readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        users = self.env["res.users"].browse([vals["user_id"] for vals in vals_list if vals.get("user_id")])
        names = {user.id: user.name for user in users.sudo()}
        for vals in vals_list:
            vals.setdefault("user_name", names.get(vals.get("user_id")))
        return super().create(vals_list)

    def write(self, vals):
        self.check_access("write")
        raise UserError(self.env._("The access log is kept as it was written: it cannot be changed."))

    def unlink(self):
        self.check_access("unlink")
        raise UserError(self.env._("The access log is kept as it was written: it cannot be deleted."))

    @api.model
    def _log(self, vals_list):
        """Record changes of access; the entries are the system's, whoever made the change."""
        return self.sudo().create(vals_list) if vals_list else self.browse()
