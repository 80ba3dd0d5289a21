from datetime import date, timedelta

import psycopg2
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import RealtyFinanceCase

SIGNED_ON = date(2026, 1, 15)  # deposit and first installment due that day; second 2026-04-15, third 2026-07-15
LEVELS = (
    (-7, "realty_finance.dunning_level_before"),
    (0, "realty_finance.dunning_level_due"),
    (7, "realty_finance.dunning_level_overdue_7"),
    (30, "realty_finance.dunning_level_overdue_30"),
    (60, "realty_finance.dunning_level_overdue_60"),
)


@tagged("post_install", "-at_install")
class TestDunning(RealtyFinanceCase):
    """催款: each open installment gets each level once — an email, an activity for the salesperson and a note on
    the contract — from the daily run."""

    def setUp(self):
        super().setUp()
        self.customer.email = "chen.jie@example.com"
        with freeze_time(SIGNED_ON):
            self.contract = self._signed_installment_contract()
            self.company.realty_invoice_lead_days = 400
            self.env["realty.installment"]._cron_bill_due_installments()  # the whole schedule
            self._receive(self.contract, 830000.0)  # deposit and first installment: paid on time
        self.company.realty_invoice_lead_days = 15
        self.second, self.third = self.contract.installment_ids[2:]

    def _run(self, on, times=1):
        with freeze_time(on):
            for _time in range(times):
                self.env["realty.dunning.log"].sudo()._cron_send_reminders()

    def _logs(self, installment=None):
        return self.env["realty.dunning.log"].search(
            [("contract_id", "=", self.contract.id)]
            + ([("installment_id", "=", installment.id)] if installment else []),
            order="id",
        )

    def _salesperson_activities(self):
        return self.contract.activity_ids.filtered(
            lambda activity: activity.user_id == self.contract.user_id and activity.summary.startswith("Dunning")
        )

    def test_each_level_once_across_days(self):
        due = self.second.date_due
        sent = self.env["realty.dunning.log"]
        for days, xmlid in LEVELS:
            level = self.env.ref(xmlid)
            self._run(due + timedelta(days=days - 1))
            self.assertEqual(self._logs(), sent, f"nothing new the day before level {days}")
            self._run(due + timedelta(days=days), times=2)
            new = self._logs() - sent
            self.assertEqual(len(new), 1, f"level {days} is sent once, however often the run meets it")
            self.assertEqual((new.level_id, new.installment_id), (level, self.second))
            self.assertEqual(new.amount_residual, 585000.0)
            self.assertEqual(new.date_due, due)
            self.assertTrue(new.emailed)
            sent |= new

            mail = new.sudo().mail_id
            self.assertEqual(mail.recipient_ids, self.customer)
            self.assertIn(self.second.name, mail.body_html)
            self.assertIn("585,000.00", mail.body_html)
            self.assertIn(self.contract.name, mail.body_html)
            self.assertEqual(len(self._salesperson_activities()), len(sent))
            notes = self.contract.message_ids.filtered(lambda message, name=level.name: name in (message.body or ""))
            self.assertEqual(len(notes), 1, f"one line in the contract's history for level {days}")
            self.assertIn(self.second.name, notes.body)
        self._run(due + timedelta(days=200))
        self.assertEqual(self._logs(self.second), sent, "no level left after the last one")
        self.assertEqual(self._logs(self.second).level_id.mapped("days"), [-7, 0, 7, 30, 60])

    def test_only_the_last_level_reached_is_sent(self):
        """A run that first meets an installment 35 days late sends "30 days overdue", not the levels before it."""
        due = self.second.date_due
        self._run(due + timedelta(days=35))
        self.assertEqual(self._logs(self.second).level_id, self.env.ref("realty_finance.dunning_level_overdue_30"))
        self._run(due + timedelta(days=45))
        self.assertEqual(len(self._logs(self.second)), 1, "reminders only escalate")
        self._run(due + timedelta(days=61))
        self.assertEqual(self._logs(self.second)[-1].level_id, self.env.ref("realty_finance.dunning_level_overdue_60"))

    def test_paid_installment_is_not_dunned(self):
        with freeze_time(self.second.date_due - timedelta(days=20)):
            self._receive(self.contract, 585000.0)
        self.assertEqual(self.second.billing_state, "paid")
        for days, _xmlid in LEVELS:
            self._run(self.second.date_due + timedelta(days=days))
        self.assertFalse(self._logs(self.second))

    def test_partly_paid_installment_is_dunned_for_what_is_open(self):
        with freeze_time(self.second.date_due - timedelta(days=20)):
            self._receive(self.contract, 85000.0)
        self._run(self.second.date_due + timedelta(days=7))
        self.assertEqual(self._logs(self.second).amount_residual, 500000.0)

    def test_customer_without_email_still_gets_followed_up(self):
        self.customer.email = False
        self._run(self.second.date_due)
        log = self._logs(self.second)
        self.assertFalse(log.emailed)
        self.assertFalse(log.sudo().mail_id)
        self.assertEqual(len(self._salesperson_activities()), 1, "the salesperson calls instead")
        self.assertTrue(self.contract.message_ids.filtered(lambda message: "not emailed" in (message.body or "")))

    def test_late_fee_invoices_are_dunned_too(self):
        with freeze_time(date(2026, 5, 1)):  # April: the second installment overdue from the 16th
            self.contract.with_user(self.finance).action_bill_late_fees()
        fee_invoice = self.contract.late_fee_ids.move_id
        self._run(fee_invoice.invoice_date_due)
        log = self._logs().filtered(lambda log: log.move_id == fee_invoice)
        self.assertEqual(log.level_id, self.env.ref("realty_finance.dunning_level_due"))
        self.assertFalse(log.installment_id)
        self._run(fee_invoice.invoice_date_due, times=2)
        self.assertEqual(len(self._logs().filtered(lambda log: log.move_id == fee_invoice)), 1)

    def test_database_sends_a_level_once(self):
        self._run(self.second.date_due)
        log = self._logs(self.second)
        values = log.sudo().copy_data()[0]
        with self.assertRaises(psycopg2.errors.UniqueViolation), self.cr.savepoint(), mute_logger("odoo.sql_db"):
            self.env["realty.dunning.log"].sudo().create(values)

    def test_mail_in_the_customers_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.customer.lang = "zh_CN"
        self._run(self.second.date_due)
        template = self.env.ref("realty_finance.mail_template_dunning_due")
        log = self._logs(self.second)
        self.assertEqual(template._render_lang(log.ids), {log.id: "zh_CN"})

    def test_access_per_role(self):
        other = self._create_realty_user("realty_sales_4", "realty_base.group_realty_salesperson")
        self._run(self.second.date_due)
        log = self._logs(self.second)
        Log = self.env["realty.dunning.log"]
        for user in (self.salesperson, self.manager, self.finance, self.executive):
            self.assertEqual(Log.with_user(user).search([("id", "=", log.id)]), log, user.login)
        self.assertFalse(Log.with_user(other).search([("id", "=", log.id)]), "another salesperson's contract")
        for user in (self.salesperson, self.finance, self.executive):
            with self.assertRaises(AccessError):
                Log.with_user(user).create(log.sudo().copy_data()[0])
            with self.assertRaises(AccessError):
                log.with_user(user).unlink()
        level = self.env.ref("realty_finance.dunning_level_due")
        level.with_user(self.finance).days = 1  # finance configures the levels
        with self.assertRaises(AccessError):
            level.with_user(self.salesperson).days = 2
