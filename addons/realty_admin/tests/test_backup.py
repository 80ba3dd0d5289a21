import hashlib
import os

from odoo import SUPERUSER_ID, api
from odoo.sql_db import db_connect
from odoo.tests import tagged
from odoo.tests.common import get_db_name
from odoo.tools import config

from ..tools import backup_files
from .backup_common import RealtyBackupCase

PAYLOAD = b"realty backup round trip \xe6\x88\xbf\n" * 64


@tagged("post_install", "-at_install")
class TestBackupRoundTrip(RealtyBackupCase):
    """Back up the test database (with a committed attachment), verify it, restore it into a new database: the
    counts and checksums the backup recorded are those of the committed database and of both restores; a changed
    record of counts fails the verification and notifies the administrators."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a dump sees committed data only: this attachment is committed for real, and removed at the end
        with db_connect(get_db_name()).cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            attachment = env["ir.attachment"].create({"name": "round-trip.txt", "raw": PAYLOAD})
            cls.attachment_id, cls.store_fname = attachment.id, attachment.store_fname
            cr.commit()
        cls.addClassCleanup(cls._remove_committed_attachment)

    @classmethod
    def _remove_committed_attachment(cls):
        with db_connect(get_db_name()).cursor() as cr:
            api.Environment(cr, SUPERUSER_ID, {})["ir.attachment"].browse(cls.attachment_id).unlink()
            cr.commit()

    def _restored_payload(self, db_name):
        with open(os.path.join(config.filestore(db_name), self.store_fname), "rb") as file:
            return file.read()

    def test_backup_verify_restore_round_trip(self):
        backup = self.Backup.with_user(self.admin)._run_backup("manual")
        self.assertEqual(backup.state, "done", backup.error)
        with open(backup.path, "rb") as file:
            self.assertEqual(backup.sha256, hashlib.sha256(file.read()).hexdigest())
        self.assertEqual(backup.file_size, os.path.getsize(backup.path))
        tables = list(backup.table_counts)
        self.assertTrue({"res_partner", "crm_lead", "account_move", "ir_attachment", "realty_unit"} <= set(tables))
        self.assertGreater(backup.table_counts["realty_unit"], 0, "the demo units are in the backup")

        # what the backup recorded is what the committed database holds
        live = backup_files.database_contents(get_db_name(), tables)
        self.assertEqual(live["counts"], backup.table_counts)
        self.assertEqual(live["attachment_digest"], backup.attachment_digest)
        self.assertEqual(live["file_count"], backup.file_count)

        backup.with_user(self.admin).action_verify()
        self.assertEqual(backup.state, "verified", backup.verify_report)
        scratch = f"{get_db_name()}_verify_{backup.id}"
        self.assertFalse(backup_files.database_exists(scratch), "the scratch database is dropped")
        self.assertFalse(os.path.exists(config.filestore(scratch)))

        target = f"{get_db_name()}_rt_{os.getpid()}"
        self.addCleanup(backup_files.drop, target)
        action = backup.with_user(self.admin).action_open_restore_wizard()
        wizard = self.env[action["res_model"]].with_user(self.admin).with_context(action["context"])
        wizard = wizard.create({"target_db": target})
        wizard.action_restore()
        self.assertEqual(wizard.state, "done")
        self.assertIn(target, wizard.instructions)
        restored = backup_files.database_contents(target, tables)
        self.assertEqual(restored["counts"], backup.table_counts)
        self.assertEqual(restored["attachment_digest"], backup.attachment_digest)
        self.assertEqual(restored["damaged_files"], [])
        self.assertEqual(self._restored_payload(target), PAYLOAD)

        # the comparison that decides a verification, against the restored database: a record of counts that the
        # database does not match fails
        self.assertEqual(backup._differences(restored), [])
        backup._record_facts(
            {"table_counts": {**backup.table_counts, "res_partner": restored["counts"]["res_partner"] + 1}}
        )
        self.assertIn("res_partner", backup._differences(restored)[0])

    def test_failed_verification_notifies_administrators(self):
        backup = self._backup_of_bytes(self._odoo_zip_bytes())
        with open(backup.path, "ab") as file:
            file.write(b"bit rot")
        self.assertFalse(backup.with_user(self.admin)._verify())
        self.assertEqual(backup.state, "verify_failed")
        self.assertIn("changed since it was made", backup.verify_report)
        self.assertIn(self.admin, backup.activity_ids.user_id)
        self.assertIn(self.admin.partner_id, backup.message_ids.partner_ids)
