import base64
import io
from datetime import date
from pathlib import Path

from freezegun import freeze_time
from openpyxl import load_workbook

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools.translate import TranslationImporter

from odoo.addons.realty_base.tests.common import RealtyCase

DAY = date(2026, 11, 26)  # a Thursday (its week starts on Monday 23rd): "yesterday" of the mornings below
MORNING = "2026-11-27 01:45:00"  # 09:45 in Shanghai, in UTC
EARLY = "2026-11-27 01:00:00"  # 09:00 in Shanghai

# hand-written daily logs, not computed: (project, day) → figures
SNAPSHOTS = {
    ("garden", date(2026, 11, 2)): {"contracts_count": 1, "contracts_area": 50.0, "contracts_amount": 1000000.0},
    ("garden", date(2026, 11, 25)): {
        "visitors": 4,
        "contracts_count": 1,
        "contracts_area": 49.0,
        "contracts_amount": 980000.0,
        "received_amount": 100000.0,
    },
    ("garden", DAY): {
        "visitors": 7,
        "leads_new": 5,
        "reservations_count": 2,
        "reservations_amount": 3000000.0,
        "contracts_count": 1,
        "contracts_area": 98.0,
        "contracts_amount": 1960000.0,
        "contracts_unit_price": 20000.0,
        "received_amount": 300000.0,
        "overdue_amount": 45000.0,
        "units_available": 30,
        "units_sold": 6,
    },
    ("garden", date(2025, 11, 26)): {"contracts_count": 1, "contracts_area": 82.0, "contracts_amount": 1640000.0},
    ("court", date(2026, 11, 25)): {"contracts_count": 1, "contracts_area": 25.0, "contracts_amount": 250000.0},
    ("court", DAY): {
        "visitors": 3,
        "contracts_count": 1,
        "contracts_area": 50.0,
        "contracts_amount": 500000.0,
        "contracts_unit_price": 10000.0,
        "received_amount": 50000.0,
        "units_available": 12,
        "units_sold": 2,
    },
    ("other", DAY): {"contracts_count": 3, "contracts_amount": 7777777.0, "received_amount": 654321.0},
}


class DailyReportMailCase(RealtyCase):
    """Two projects of the company and one of another company, with daily logs written by hand, so that the mail,
    the xlsx and the PDF are checked against known figures whatever computes the logs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.partner_id.tz = "Asia/Shanghai"
        cls.court = cls.env["realty.project"].create({"name": "Sunny Court", "code": "SC"})
        cls.other = cls.env["realty.project"].create(
            {"name": "Harbour View", "code": "HV", "company_id": cls.company_b.id}
        )
        projects = {"garden": cls.project, "court": cls.court, "other": cls.other}
        Report = cls.env["realty.daily.report"]._action_env()
        # the mail sums every readable project's logs and waits for any log of yesterday: the logs of other data
        # (the demo history of the last 90 days, made relative to the install day) would change both
        Report.search([]).unlink()
        cls.snapshots = {
            key: Report.create({"project_id": projects[key[0]].id, "date": key[1], **figures})
            for key, figures in SNAPSHOTS.items()
        }
        cls.day_logs = cls.snapshots["garden", DAY] | cls.snapshots["court", DAY]

    @classmethod
    def _load_chinese(cls):
        """zh_CN active with this addon's terms: its po, and this part's own until it is merged into it."""
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["realty_base", "realty_reports"], ["zh_CN"])
        part = Path(__file__).parents[1] / "i18n" / "parts" / "A2.po"
        if part.exists():
            importer = TranslationImporter(cls.env.cr, verbose=False)
            importer.load_file(str(part), "zh_CN")
            importer.save(overwrite=True)


@tagged("post_install", "-at_install")
class TestDailyReportMail(DailyReportMailCase):
    """日报邮件: each morning, from the configured time, one mail per subscribed sales manager or executive with
    yesterday's figures of the projects they may read, compared, with the xlsx and PDF attached; once a day."""

    def _mails(self):
        return self.env["mail.mail"].search([("model", "=", "res.users"), ("subject", "ilike", "Daily Log")])

    def _run_cron(self, at=MORNING):
        with freeze_time(at):
            self.env["res.users"]._cron_send_daily_report()
        return self._mails()

    def _subscribe(self, *users):
        for user in users:
            user.with_user(user).write({"realty_daily_report_subscribed": True})

    def test_each_subscriber_gets_the_figures_they_may_read(self):
        self._subscribe(self.manager, self.executive, self.user_company_b)
        mails = self._run_cron()
        self.assertEqual(len(mails), 3, "one mail per subscriber, none for the others")
        by_partner = {mail.recipient_ids: mail for mail in mails}
        self.assertEqual(
            set(by_partner), {self.manager.partner_id, self.executive.partner_id, self.user_company_b.partner_id}
        )
        mail = by_partner[self.manager.partner_id]
        self.assertEqual(mail.state, "outgoing", "queued in the real outgoing queue")
        self.assertIn("11/26/2026", mail.subject)
        body = str(mail.body_html)
        for expected in (
            "Test Garden",
            "Sunny Court",
            "2,460,000.00",  # signed yesterday: 1,960,000 + 500,000
            "+100.0%",  # against the day before: 980,000 + 250,000
            "+50.0%",  # against the same day last year: 1,640,000
            "3,690,000.00",  # week to date (23rd–26th)
            "4,690,000.00",  # month to date (with the 2nd)
            "350,000.00",  # received yesterday
        ):
            self.assertIn(expected, body)
        self.assertNotIn("Harbour View", body)
        self.assertNotIn("7,777,777.00", body)

        other = str(by_partner[self.user_company_b.partner_id].body_html)
        self.assertIn("Harbour View", other)
        self.assertIn("7,777,777.00", other)
        for foreign in ("Test Garden", "Sunny Court", "2,460,000.00"):
            self.assertNotIn(foreign, other, "a manager of another company gets nothing of this one")

    def test_the_xlsx_and_pdf_are_attached_with_the_subscribers_projects(self):
        self._subscribe(self.manager, self.user_company_b)
        mails = self._run_cron()
        for user, projects in ((self.manager, ["Sunny Court", "Test Garden"]), (self.user_company_b, ["Harbour View"])):
            mail = mails.filtered(lambda m, user=user: m.recipient_ids == user.partner_id)
            names = sorted(mail.attachment_ids.mapped("name"))
            self.assertEqual(names, ["Daily Log 2026-11-26.pdf", "Daily Log 2026-11-26.xlsx"])
            xlsx = mail.attachment_ids.filtered(lambda a: a.name.endswith(".xlsx"))
            sheet = load_workbook(io.BytesIO(base64.b64decode(xlsx.datas))).worksheets[0]
            self.assertEqual([sheet.cell(row, 1).value for row in range(2, 2 + len(projects))], projects)
            self.assertEqual(sheet.cell(2 + len(projects), 1).value, "Total")

    def test_unsubscribed_and_unentitled_users_get_nothing(self):
        self._subscribe(self.manager, self.executive)
        self.executive.group_ids -= self.env.ref("realty_base.group_realty_executive")  # role removed after subscribing
        mails = self._run_cron()
        self.assertEqual(
            mails.recipient_ids, self.manager.partner_id, "admin never subscribed; executive lost the role"
        )

    def test_only_managers_and_executives_may_subscribe(self):
        for user in (self.salesperson, self.finance):
            with self.assertRaises(ValidationError):
                user.with_user(user).write({"realty_daily_report_subscribed": True})
        with self.assertRaises(ValidationError):
            self.salesperson.write({"realty_daily_report_subscribed": True})  # not even by an administrator
        with self.assertRaises(AccessError):
            self.executive.with_user(self.manager).write({"realty_daily_report_subscribed": True})
        self.executive.with_user(self.executive).write({"realty_daily_report_subscribed": True})
        self.assertTrue(self.executive.realty_daily_report_subscribed, "in one's own preferences")
        self.manager.with_user(self.env.ref("base.user_admin")).write({"realty_daily_report_subscribed": True})
        self.assertTrue(self.manager.realty_daily_report_subscribed, "by an administrator")

    def test_sends_once_a_day_from_the_configured_time(self):
        self._subscribe(self.manager)
        self.assertFalse(self._run_cron(EARLY), "not before 09:30")
        self.assertEqual(len(self._run_cron()), 1)
        self.assertEqual(len(self._run_cron("2026-11-27 09:00:00")), 1, "a second run the same day sends nothing new")
        self.env["realty.daily.report"]._action_env().create(
            {"project_id": self.project.id, "date": date(2026, 11, 27)}
        )
        self.assertEqual(len(self._run_cron("2026-11-28 01:45:00")), 2, "the next morning sends again")

    def test_waits_for_yesterdays_logs(self):
        self._subscribe(self.manager)
        self.assertFalse(self._run_cron("2026-11-28 01:45:00"), "the 27th has no log yet")
        self.env["realty.daily.report"]._action_env().create(
            {"project_id": self.project.id, "date": date(2026, 11, 27)}
        )
        self.assertEqual(len(self._run_cron("2026-11-28 02:45:00")), 1, "sent by the next run once it exists")

    def test_sending_time_setting_is_validated_and_used(self):
        for bad in ("9:30", "25:00", "09:60", "nine", ""):
            with self.assertRaises(ValidationError):
                self.env["res.config.settings"].create({"realty_daily_report_hour": bad})
        with freeze_time("2026-11-27 00:05:00"):  # 08:05 in Shanghai
            self.env["res.config.settings"].create({"realty_daily_report_hour": "08:15"}).execute()
        self.assertEqual(self.env["ir.config_parameter"].get_param("realty_reports.daily_report_hour"), "08:15")
        cron = self.env.ref("realty_reports.ir_cron_daily_report_mail")
        self.assertEqual(str(cron.nextcall), "2026-11-27 00:15:00", "the hourly runs fall on the configured minute")
        self._subscribe(self.manager)
        self.assertFalse(self._run_cron("2026-11-27 00:10:00"))
        self.assertEqual(len(self._run_cron("2026-11-27 00:15:00")), 1, "sent at 08:15")

    def test_mail_in_the_subscribers_language(self):
        self._load_chinese()
        self.manager.lang = "zh_CN"
        self._subscribe(self.manager, self.executive)
        self._run_cron()
        mails = self.env["mail.mail"].search([("model", "=", "res.users")])
        chinese = mails.filtered(lambda mail: mail.recipient_ids == self.manager.partner_id)
        english = mails.filtered(lambda mail: mail.recipient_ids == self.executive.partner_id)
        self.assertIn("日报", chinese.subject)
        self.assertIn("早上好", str(chinese.body_html))
        self.assertIn("2,460,000.00", str(chinese.body_html))
        self.assertIn("Daily Log", english.subject)
        self.assertIn("Good morning", str(english.body_html))
