import logging
import os
import time
from datetime import datetime, timedelta

import pytz

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import config

from ..tools import backup_files

_logger = logging.getLogger(__name__)

RETENTION_DEFAULTS = {"daily": 7, "weekly": 4, "monthly": 12}
SUCCESS_STATES = ("done", "verified", "verify_failed")
# A context value no JSON request can carry: only this model's own code records a backup's facts (its path is
# what the download streams and what unlink deletes, so nobody may point it elsewhere, RPC included).
_RECORDER = object()
RECORDED_FIELDS = {
    "name", "path", "db_name", "backup_date", "kind", "state", "file_size", "sha256", "duration", "error",
    "table_counts", "attachment_digest", "file_count", "verified_date", "verify_report",
}  # fmt: skip


class RealtyBackup(models.Model):
    """One full dump (SQL + filestore) of this database, in the database manager's zip format."""

    _name = "realty.backup"
    _description = "Database Backup"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "backup_date desc, id desc"

    name = fields.Char("File Name", required=True, readonly=True)
    path = fields.Char("File", readonly=True)
    db_name = fields.Char("Database", readonly=True)
    backup_date = fields.Datetime("Backed up on", required=True, readonly=True, default=fields.Datetime.now)
    kind = fields.Selection(
        [("manual", "Manual"), ("daily", "Daily"), ("weekly", "Weekly"), ("monthly", "Monthly")],
        required=True,
        readonly=True,
        default="manual",
        help="The retention class: scheduled backups are kept by kind, manual ones until deleted.",
    )
    state = fields.Selection(
        [
            ("running", "Running"),
            ("done", "Done"),
            ("failed", "Failed"),
            ("verified", "Verified"),
            ("verify_failed", "Verification Failed"),
        ],
        required=True,
        readonly=True,
        default="running",
        tracking=True,
    )
    file_size = fields.Float("Size (bytes)", digits=(16, 0), readonly=True)
    file_size_mb = fields.Float("Size (MB)", compute="_compute_file_size_mb", digits=(16, 1))
    sha256 = fields.Char("SHA-256", readonly=True)
    duration = fields.Float("Duration (s)", digits=(16, 1), readonly=True)
    error = fields.Text(readonly=True)
    table_counts = fields.Json("Row Counts", readonly=True)
    attachment_digest = fields.Char(
        readonly=True, help="SHA-256 of the sorted checksums of every attachment in the backup."
    )
    file_count = fields.Integer("Filestore Files", readonly=True)
    verified_date = fields.Datetime("Verified on", readonly=True)
    verify_report = fields.Text("Verification Report", readonly=True)

    @api.depends("file_size")
    def _compute_file_size_mb(self):
        for backup in self:
            backup.file_size_mb = backup.file_size / 1024 / 1024

    # ------------------------------------------------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self._check_recorder()
        return super().create(vals_list)

    def write(self, vals):
        if RECORDED_FIELDS & set(vals):
            self._check_recorder()
        return super().write(vals)

    def _check_recorder(self):
        if self.env.context.get("realty_backup_recorder") is not _RECORDER:
            raise UserError(
                self.env._("Backups are recorded by “Back up now” and the schedule; they cannot be edited.")
            )

    @api.model
    def _record(self, vals_list):
        return self.browse(self.with_context(realty_backup_recorder=_RECORDER).create(vals_list).ids)

    def _record_facts(self, vals):
        return self.with_context(realty_backup_recorder=_RECORDER).write(vals)

    def unlink(self):
        paths = [backup.path for backup in self if backup.path]
        result = super().unlink()
        for path in paths:
            if os.path.isfile(path):
                os.unlink(path)
        return result

    # ------------------------------------------------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------------------------------------------------

    @api.model
    def action_backup_now(self):
        self._check_backup_dir(self._backup_dir())
        backup = self._run_backup("manual")
        return backup._open_form()

    def action_verify(self):
        for backup in self:
            backup._verify()

    def action_download(self):
        self.ensure_one()
        return {"type": "ir.actions.act_url", "url": f"/realty_admin/backup/{self.id}/download", "target": "self"}

    def action_open_restore_wizard(self):
        self.ensure_one()
        self._check_file()
        return {
            "type": "ir.actions.act_window",
            "res_model": "realty.backup.restore.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_backup_id": self.id},
        }

    def _open_form(self):
        return {"type": "ir.actions.act_window", "res_model": self._name, "res_id": self.id, "view_mode": "form"}

    # ------------------------------------------------------------------------------------------------------------
    # BACKUP
    # ------------------------------------------------------------------------------------------------------------

    @api.model
    def _backup_dir(self):
        """System parameter, else the server option ``realty_backup_dir`` (or the docker image's environment
        variable REALTY_BACKUP_DIR), else auto_backup's default folder, ``<data_dir>/backups/<db>``."""
        param = self.env["ir.config_parameter"].sudo().get_param("realty_admin.backup_dir")
        server = config.get("realty_backup_dir") or os.environ.get("REALTY_BACKUP_DIR")
        return param or server or self.env["db.backup"]._default_folder()

    @api.model
    def _check_backup_dir(self, directory):
        try:
            os.makedirs(directory, exist_ok=True)
            writable = os.access(directory, os.W_OK)
        except OSError:
            writable = False
        if not writable:
            raise UserError(self.env._("The backup directory %(dir)s cannot be created or written.", dir=directory))

    @api.model
    def _run_backup(self, kind):
        """Back up now; a failure is recorded on a failed backup and notified, never raised."""
        started = time.monotonic()
        db_name = self.env.cr.dbname
        name = f"{db_name}_{fields.Datetime.now():%Y%m%d_%H%M%S}_{kind}.zip"
        backup = self._record([{"name": name, "db_name": db_name, "kind": kind}])
        try:
            directory = self._backup_dir()
            self._check_backup_dir(directory)
            backup._record_facts({"path": os.path.join(directory, name)})
            size, sha256 = backup_files.dump(db_name, backup.path)
            backup._record_facts({"file_size": size, "sha256": sha256, "state": "done", **backup._read_contents()})
        except Exception as error:  # noqa: BLE001 - every failure must end in a failed backup and a notice
            _logger.exception("Backup %s failed", name)
            if backup.path and os.path.isfile(backup.path):
                os.unlink(backup.path)  # written, but not recorded whole: no half-described file stays behind
            backup._record_facts({"state": "failed", "error": str(error), "path": False})
            backup._notify_failure(self.env._("Backup %(name)s failed", name=name))
        backup._record_facts({"duration": time.monotonic() - started})
        return backup

    def _read_contents(self):
        contents = backup_files.dump_contents(self.path)
        return {
            "table_counts": contents["counts"],
            "attachment_digest": contents["attachment_digest"],
            "file_count": contents["file_count"],
        }

    def _check_file(self):
        """The file is still there and unchanged since the backup."""
        self.ensure_one()
        if self.state not in SUCCESS_STATES or not self.path or not os.path.isfile(self.path or ""):
            raise UserError(self.env._("The file of backup %(name)s is missing.", name=self.name))
        if backup_files.sha256_file(self.path) != self.sha256:
            raise UserError(self.env._("The file of backup %(name)s changed since it was made.", name=self.name))

    # ------------------------------------------------------------------------------------------------------------
    # VERIFY AND RESTORE
    # ------------------------------------------------------------------------------------------------------------

    def _verify(self):
        """Restore into a scratch database, compare with what the backup recorded, drop it, record the result."""
        self.ensure_one()
        scratch = f"{self.env.cr.dbname}_verify_{self.id}"
        try:
            self._check_file()
            backup_files.drop(scratch)  # left over by an interrupted verification
            self._restore_to(scratch)
            differences = self._differences(backup_files.database_contents(scratch, list(self.table_counts or {})))
        except Exception as error:  # noqa: BLE001 - a verification that cannot finish has failed
            differences = [str(error)]
        finally:
            backup_files.drop(scratch)
        self._record_facts(
            {
                "state": "verify_failed" if differences else "verified",
                "verified_date": fields.Datetime.now(),
                "verify_report": "\n".join(differences) or self.env._("Counts and checksums identical."),
            }
        )
        if differences:
            self._notify_failure(self.env._("Verification of backup %(name)s failed", name=self.name))
        return not differences

    def _differences(self, found):
        differences = [
            self.env._("%(table)s: %(expected)s rows backed up, %(found)s restored", table=table, expected=n, found=m)
            for table, n in sorted((self.table_counts or {}).items())
            if (m := found["counts"].get(table)) != n
        ]
        if found["attachment_digest"] != self.attachment_digest:
            differences.append(self.env._("The attachments' checksums differ."))
        if found["file_count"] != self.file_count or found["damaged_files"]:
            differences.append(
                self.env._(
                    "Filestore: %(expected)s files backed up, %(found)s restored, %(damaged)s damaged.",
                    expected=self.file_count,
                    found=found["file_count"],
                    damaged=len(found["damaged_files"]),
                )
            )
        return differences

    def _restore_to(self, db_name):
        """Restore this backup into the new database ``db_name`` (checked first), or a UserError."""
        self.ensure_one()
        self._check_file()
        self._send_progress(self.env._("Restoring %(name)s into %(db)s…", name=self.name, db=db_name))
        try:
            backup_files.restore(db_name, self.path, live_db=self.env.cr.dbname)
        except backup_files.BackupFileError as error:
            raise UserError(error.translated(self.env.lang)) from error
        self._send_progress(self.env._("Database %(db)s restored.", db=db_name))

    def _send_progress(self, message):
        """Progress of a long job as a notification to the user, sent at once on its own committed cursor."""
        partner = self.env.user.partner_id  # the user's bus channel, named without reading on the new cursor
        with self.env.registry.cursor() as cr:
            api.Environment(cr, SUPERUSER_ID, {})["bus.bus"]._sendone(
                partner, "simple_notification", {"type": "info", "message": message}
            )

    # ------------------------------------------------------------------------------------------------------------
    # SCHEDULE AND RETENTION
    # ------------------------------------------------------------------------------------------------------------

    @api.model
    def _cron_backup(self):
        """Hourly: the scheduled backup once a day after the configured time, then the retention."""
        if self._backup_due(fields.Datetime.now()):
            self._run_backup(self._scheduled_kind(fields.Datetime.now()))
            self._apply_retention()

    @api.model
    def _cron_verify_newest(self):
        newest = self.search([("state", "in", SUCCESS_STATES)], limit=1)
        if newest:
            newest._verify()

    @api.model
    def _local_start(self, now):
        """Today's scheduled time (``realty_admin.backup_time``, HH:MM in ``realty_admin.backup_tz``) in UTC."""
        params = self.env["ir.config_parameter"].sudo()
        tz = pytz.timezone(params.get_param("realty_admin.backup_tz") or self.env.user.tz or "UTC")
        hour, minute = (int(part) for part in (params.get_param("realty_admin.backup_time") or "02:00").split(":"))
        local_day = pytz.utc.localize(now).astimezone(tz).replace(hour=hour, minute=minute, second=0, microsecond=0)
        return local_day.astimezone(pytz.utc).replace(tzinfo=None), tz

    @api.model
    def _backup_due(self, now):
        start, _tz = self._local_start(now)
        scheduled = [("kind", "!=", "manual"), ("backup_date", ">=", start)]
        return now >= start and not self.search_count(scheduled, limit=1)

    @api.model
    def _scheduled_kind(self, now):
        """The first scheduled backup of a month is monthly, the first of an ISO week weekly, the others daily."""
        _start, tz = self._local_start(now)
        local = pytz.utc.localize(now).astimezone(tz)
        month_start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        week_start = (local - timedelta(days=local.weekday())).replace(hour=0, minute=0, second=0, microsecond=0)
        for kind, since in (("monthly", month_start), ("weekly", week_start)):
            utc_since = since.astimezone(pytz.utc).replace(tzinfo=None)
            domain = [
                ("kind", "in", ("monthly", kind)),
                ("state", "in", SUCCESS_STATES),
                ("backup_date", ">=", utc_since),
            ]
            if not self.search_count(domain, limit=1):
                return kind
        return "daily"

    @api.model
    def _apply_retention(self):
        """Keep the newest N daily, M weekly and K monthly backups; delete the others, and older failures."""
        params = self.env["ir.config_parameter"].sudo()
        doomed = self.browse()
        for kind, default in RETENTION_DEFAULTS.items():
            keep = int(params.get_param(f"realty_admin.keep_{kind}", default))
            backups = self.search([("kind", "=", kind), ("state", "!=", "running")])  # newest first
            good = backups.filtered(lambda backup: backup.state in SUCCESS_STATES)
            oldest_kept = good[:keep][-1:].backup_date if keep else datetime.max
            failed = (backups - good).filtered(lambda backup, oldest=oldest_kept: backup.backup_date < oldest)
            doomed |= good[keep:] | failed
        doomed.unlink()
        return doomed

    # ------------------------------------------------------------------------------------------------------------
    # NOTIFICATIONS
    # ------------------------------------------------------------------------------------------------------------

    def _notify_failure(self, summary):
        """An activity for every realty administrator, and a mail to them on the backup's thread."""
        admins = self._administrators()
        for admin in admins:
            self.activity_schedule("mail.mail_activity_data_todo", summary=summary, note=self.error, user_id=admin.id)
        self.message_post(
            body=summary, partner_ids=admins.partner_id.ids, message_type="comment", subtype_xmlid="mail.mt_comment"
        )

    @api.model
    def _administrators(self):
        group = self.env.ref("realty_base.group_realty_admin")
        return group.sudo().all_user_ids.filtered(lambda user: user.active and not user.share)
