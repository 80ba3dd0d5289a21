from markupsafe import Markup

from odoo import api, fields, models


class RealtyBackupRestoreWizard(models.TransientModel):
    """Restore a backup into a NEW database, then tell the administrator how to switch over."""

    _name = "realty.backup.restore.wizard"
    _description = "Restore a Backup into a New Database"

    backup_id = fields.Many2one("realty.backup", required=True, readonly=True, ondelete="cascade")
    target_db = fields.Char("New Database", required=True, default=lambda self: self._default_target_db())
    state = fields.Selection([("draft", "To Restore"), ("done", "Restored")], default="draft", readonly=True)
    instructions = fields.Html(compute="_compute_instructions", sanitize=False)

    @api.model
    def _default_target_db(self):
        return f"{self.env.cr.dbname}_restored_{fields.Datetime.now():%Y%m%d_%H%M}"

    @api.depends("state", "target_db")
    def _compute_instructions(self):
        for wizard in self:
            wizard.instructions = wizard.state == "done" and wizard._switch_over_instructions()

    def _switch_over_instructions(self):
        steps = [
            self.env._(
                "The backup is restored into the new database %(db)s; the live database is untouched.",
                db=self.target_db,
            ),  # fmt: skip
            self.env._("Check it: open /odoo?db=%(db)s (or select it on the database manager).", db=self.target_db),
            self.env._(
                "Switch over: stop Odoo, set db_name = %(db)s (and dbfilter = ^%(db)s$) in the server "
                "configuration, start Odoo.",
                db=self.target_db,
            ),  # fmt: skip
            self.env._(
                "Keep the old database until the new one is confirmed, then drop it with `odoo db drop %(old)s`.",
                old=self.env.cr.dbname,
            ),  # fmt: skip
        ]
        return Markup("<ol>%s</ol>") % Markup().join(Markup("<li>%s</li>") % step for step in steps)

    def action_restore(self):
        self.ensure_one()
        self.backup_id._restore_to(self.target_db)
        self.state = "done"
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }
