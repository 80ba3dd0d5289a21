import os
import zipfile

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import get_db_name
from odoo.tools import mute_logger

from ..tools import backup_files
from .backup_common import RealtyBackupCase


@tagged("post_install", "-at_install")
class TestBackupBadInput(RealtyBackupCase):
    """Each bad file, directory or target name ends in a clear UserError and leaves no database behind."""

    def setUp(self):
        super().setUp()
        self.target = f"{get_db_name()}_bad_{os.getpid()}"
        self.addCleanup(backup_files.drop, self.target)

    def _restore(self, backup, target=None):
        wizard = self.env["realty.backup.restore.wizard"].with_user(self.admin)
        wizard.create({"backup_id": backup.id, "target_db": target or self.target}).action_restore()

    def _assert_refused(self, backup, message, target=None):
        with self.assertRaisesRegex(UserError, message):
            self._restore(backup, target)
        self.assertFalse(backup_files.database_exists(self.target), "nothing half-restored")

    def test_truncated_file(self):
        data = self._odoo_zip_bytes()
        self._assert_refused(self._backup_of_bytes(data[: len(data) // 2]), "not a zip archive, or it is truncated")

    def test_corrupt_file(self):
        data = bytearray(self._odoo_zip_bytes(sql="SELECT 1;\n" * 50, compression=zipfile.ZIP_STORED))
        offset = data.index(b"SELECT 1;")
        data[offset : offset + 6] = b"DROP 1"  # same size, wrong CRC
        self._assert_refused(self._backup_of_bytes(bytes(data)), "is corrupt")

    def test_file_of_another_application(self):
        data = self._zip_bytes({"readme.txt": "photos", "img/1.jpg": "jpeg"})
        self._assert_refused(self._backup_of_bytes(data), "not an Odoo backup")

    def test_file_changed_since_the_backup(self):
        backup = self._backup_of_bytes(self._odoo_zip_bytes())
        with open(backup.path, "ab") as file:
            file.write(b"tampered")
        self._assert_refused(backup, "changed since it was made")

    def test_missing_file(self):
        backup = self._backup_of_bytes(self._odoo_zip_bytes())
        os.unlink(backup.path)
        self._assert_refused(backup, "is missing")

    @mute_logger("odoo.service.db", "odoo.modules.loading", "odoo.modules.registry")
    def test_dump_that_restores_no_database(self):
        """It passes every file check, so restore_db creates the database: the failure drops it again."""
        self._assert_refused(
            self._backup_of_bytes(self._odoo_zip_bytes()), "could not be restored into .*, which was dropped"
        )

    def test_target_names(self):
        backup = self._backup_of_bytes(self._odoo_zip_bytes())
        self._assert_refused(backup, "not a valid database name", target="bad name!")
        self._assert_refused(backup, "never restored over the live database", target=get_db_name())
        self._assert_refused(backup, "already exists", target="postgres")

    def test_unwritable_directory(self):
        blocker = os.path.join(self.backup_dir, "a-file")
        with open(blocker, "w") as file:
            file.write("not a directory")
        self.env["ir.config_parameter"].set_param("realty_admin.backup_dir", os.path.join(blocker, "backups"))
        with self.assertRaisesRegex(UserError, "cannot be created or written"):
            self.Backup.with_user(self.admin).action_backup_now()
        self.assertFalse(self.Backup.search([]))

    @mute_logger("odoo.addons.realty_admin.models.realty_backup")
    def test_failed_scheduled_backup_notifies_administrators(self):
        blocker = os.path.join(self.backup_dir, "a-file")
        with open(blocker, "w") as file:
            file.write("not a directory")
        self.env["ir.config_parameter"].set_param("realty_admin.backup_dir", os.path.join(blocker, "backups"))
        backup = self.Backup._run_backup("daily")
        self.assertEqual(backup.state, "failed")
        self.assertIn("cannot be created or written", backup.error)
        self.assertFalse(backup.path)
        self.assertIn(self.admin, backup.activity_ids.user_id)
        self.assertNotIn(self.manager, backup.activity_ids.user_id)
        self.assertIn(self.admin.partner_id, backup.message_ids.partner_ids)


@tagged("post_install", "-at_install")
class TestBackupAccess(RealtyBackupCase):
    """Only realty administrators see, make, verify or restore backups."""

    def test_other_roles_refused(self):
        backup = self._backup_of_bytes(self._odoo_zip_bytes())
        for user in (self.manager, self.finance, self.executive, self.salesperson):
            with self.subTest(user=user.login), mute_logger("odoo.models"):
                with self.assertRaises(AccessError):
                    self.Backup.with_user(user).search([])
                with self.assertRaises(AccessError):
                    self.Backup.with_user(user).action_backup_now()
                with self.assertRaises(AccessError):
                    backup.with_user(user).action_verify()
                with self.assertRaises(AccessError):
                    self.env["realty.backup.restore.wizard"].with_user(user).create(
                        {"backup_id": backup.id, "target_db": "stolen_copy"}
                    )
        self.assertEqual(self.Backup.with_user(self.admin).search([]), backup)

    def test_recorded_facts_are_frozen(self):
        """Not even an administrator edits a backup: its path is what the download streams and unlink deletes."""
        backup = self._backup_of_bytes(self._odoo_zip_bytes())
        message = "cannot be edited"
        with self.assertRaisesRegex(UserError, message):
            backup.with_user(self.admin).write({"path": "/etc/passwd"})
        with self.assertRaisesRegex(UserError, message):
            backup.with_user(self.admin).write({"state": "verified"})
        with self.assertRaisesRegex(UserError, message):
            self.Backup.with_user(self.admin).create({"name": "forged.zip", "path": "/etc/passwd", "state": "done"})
        path = backup.path
        backup.with_user(self.admin).unlink()
        self.assertFalse(os.path.exists(path), "deleting a backup deletes its file")


@tagged("post_install", "-at_install")
class TestBackupDownload(HttpCase, RealtyBackupCase):
    """The download route streams the file to administrators and refuses everybody else."""

    def test_download(self):
        data = self._odoo_zip_bytes()
        backup = self._backup_of_bytes(data)
        url = f"/realty_admin/backup/{backup.id}/download"
        self.authenticate(self.manager.login, self.manager.login)
        self.assertEqual(self.url_open(url).status_code, 403)
        self.authenticate(self.admin.login, self.admin.login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, data)
        self.assertIn(backup.name, response.headers["Content-Disposition"])
