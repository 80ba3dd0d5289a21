import os
from datetime import datetime, timedelta

from odoo.tests import tagged

from .backup_common import RealtyBackupCase


@tagged("post_install", "-at_install")
class TestBackupRetention(RealtyBackupCase):
    """The retention keeps the newest N daily, M weekly and K monthly backups and deletes the rest, files too."""

    def _backup(self, kind, days_ago, state="done"):
        date = datetime(2026, 6, 30, 18, 0) - timedelta(days=days_ago)
        return self._backup_of_bytes(
            b"zip", name=f"{kind}_{days_ago}_{state}.zip", kind=kind, backup_date=date, state=state
        )

    def test_retention(self):
        params = self.env["ir.config_parameter"]
        for kind, keep in (("daily", 2), ("weekly", 1), ("monthly", 1)):
            params.set_param(f"realty_admin.keep_{kind}", keep)
        daily = [self._backup("daily", days) for days in (1, 2, 3, 4)]
        weekly = [self._backup("weekly", days) for days in (7, 14)]
        monthly = [self._backup("monthly", days, "verified") for days in (30, 60)]
        failed_old = self._backup("daily", 9, "failed")
        failed_new = self._backup("daily", 0, "failed")
        manual = self._backup("manual", 400)
        doomed = daily[2] | daily[3] | weekly[1] | monthly[1] | failed_old
        paths = doomed.mapped("path")

        deleted = self.Backup._apply_retention()

        self.assertEqual(deleted, doomed)
        self.assertFalse(doomed.exists())
        self.assertFalse([path for path in paths if os.path.exists(path)], "their files are deleted")
        kept = daily[0] | daily[1] | weekly[0] | monthly[0] | failed_new | manual
        self.assertEqual(kept.exists(), kept)
        self.assertTrue(all(os.path.isfile(path) for path in kept.mapped("path")))

    def test_defaults(self):
        params = self.env["ir.config_parameter"]
        for kind in ("daily", "weekly", "monthly"):
            params.set_param(f"realty_admin.keep_{kind}", False)
        daily = [self._backup("daily", days) for days in range(9)]
        self.Backup._apply_retention()
        self.assertEqual(len(self.Backup.search([("kind", "=", "daily")])), 7)
        self.assertFalse((daily[7] | daily[8]).exists())


@tagged("post_install", "-at_install")
class TestBackupSchedule(RealtyBackupCase):
    """The daily backup runs once a day after the configured local time; its kind is its retention class."""

    def setUp(self):
        super().setUp()
        params = self.env["ir.config_parameter"]
        params.set_param("realty_admin.backup_time", "02:00")
        params.set_param("realty_admin.backup_tz", "Asia/Shanghai")

    def test_due_after_the_local_time_once_a_day(self):
        before = datetime(2026, 3, 3, 17, 30)  # 01:30 on 4 March in Shanghai
        after = datetime(2026, 3, 3, 18, 30)  # 02:30
        self.assertFalse(self.Backup._backup_due(before))
        self.assertTrue(self.Backup._backup_due(after))
        self._backup_of_bytes(b"zip", kind="daily", backup_date=datetime(2026, 3, 3, 18, 5))
        self.assertFalse(self.Backup._backup_due(after))
        self.assertTrue(self.Backup._backup_due(after + timedelta(days=1)))

    def test_kind(self):
        now = datetime(2026, 3, 4, 18, 30)  # Thursday 5 March, 02:30 in Shanghai
        self.assertEqual(self.Backup._scheduled_kind(now), "monthly")
        self._backup_of_bytes(b"zip", kind="monthly", backup_date=datetime(2026, 2, 28, 18, 30))  # 1 March
        self.assertEqual(self.Backup._scheduled_kind(now), "weekly")
        self._backup_of_bytes(b"zip", kind="weekly", backup_date=datetime(2026, 3, 1, 18, 30))  # Monday 2 March
        self.assertEqual(self.Backup._scheduled_kind(now), "daily")
