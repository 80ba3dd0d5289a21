import json
from datetime import datetime, timedelta

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import RealtySalesCase


@tagged("post_install", "-at_install")
class TestReservation(RealtySalesCase):
    def test_confirm_reserves_the_unit_and_sets_the_hold(self):
        with freeze_time("2026-11-20 10:00:00"):
            reservation = self._reservation()
            reservation.action_confirm()
        self.assertEqual(reservation.state, "confirmed")
        self.assertEqual(self.unit.state, "reserved")
        self.assertEqual(reservation.date_expiry, datetime(2026, 11, 22, 10, 0))
        self.assertEqual(reservation.price, 2_000_000.0)
        self.assertTrue(reservation.name.startswith("RS"))

    def test_price_applies_plan_and_extra_discount(self):
        reservation = self._reservation(payment_plan_id=self.plan_full.id, discount=1.0)
        self.assertEqual(reservation.list_price, 2_000_000.0)
        self.assertEqual(reservation.price, 1_940_400.0)  # 2,000,000 × 0.98 × 0.99

    def test_hold_hours_per_project(self):
        self.project.reservation_hold_hours = 24
        with freeze_time("2026-11-20 10:00:00"):
            reservation = self._reservation()
            reservation.action_confirm()
        self.assertEqual(reservation.date_expiry, datetime(2026, 11, 21, 10, 0))

    def test_second_reservation_refused_naming_the_holder(self):
        self._reservation().action_confirm()
        rival = self._reservation(user=self.manager)
        with self.assertRaisesRegex(UserError, r"1-1201 is already reserved by .*\(RS"):
            rival.action_confirm()
        self.assertEqual(rival.state, "draft")

    def test_held_unit_cannot_be_reserved(self):
        self.unit.action_hold()
        with self.assertRaisesRegex(UserError, "1-1201 is Held and cannot be reserved"):
            self._reservation().action_confirm()

    def test_live_reservation_unique_index(self):
        first = self._reservation()
        first.action_confirm()
        second = self._reservation()
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self.env.cr.execute("UPDATE realty_reservation SET state = 'confirmed' WHERE id = %s", [second.id])

    def test_cancel_releases_the_unit(self):
        reservation = self._reservation()
        reservation.action_confirm()
        reservation.action_cancel()
        self.assertEqual(reservation.state, "cancelled")
        self.assertEqual(self.unit.state, "available")
        self._reservation().action_confirm()  # the unit can be reserved again
        self.assertEqual(self.unit.state, "reserved")

    def test_cancelled_reservation_cannot_be_confirmed(self):
        reservation = self._reservation()
        reservation.action_cancel()
        with self.assertRaisesRegex(UserError, "is Cancelled"):
            reservation.action_confirm()

    def test_expiry_releases_unit_logs_and_tells_the_salesperson(self):
        with freeze_time("2026-11-20 10:00:00"):
            reservation = self._reservation()
            reservation.action_confirm()
        with freeze_time("2026-11-22 09:59:00"):
            self.assertFalse(self.env["realty.reservation"]._cron_expire())
        with freeze_time("2026-11-22 10:01:00"):
            expired = self.env["realty.reservation"]._cron_expire()
        self.assertEqual(expired, reservation)
        self.assertEqual(reservation.state, "expired")
        self.assertEqual(self.unit.state, "available")
        self.assertIn("hold ran out", reservation.message_ids[0].body)
        activity = reservation.activity_ids
        self.assertEqual(activity.user_id, self.salesperson)
        self.assertIn("expired", activity.summary)

    def test_large_discount_goes_to_approval(self):
        reservation = self._reservation(discount=3.0)
        reservation.action_confirm()
        self.assertEqual(reservation.state, "to_approve")
        self.assertEqual(self.unit.state, "available")
        self.assertEqual(len(reservation.activity_ids), 1)
        self.assertIn("3.0 %", reservation.activity_ids.summary)

    def test_manager_approves_and_the_unit_is_reserved(self):
        reservation = self._reservation(discount=3.0)
        reservation.action_confirm()
        reservation.with_user(self.manager).action_approve()
        self.assertEqual(reservation.state, "confirmed")
        self.assertEqual(reservation.approver_id, self.manager)
        self.assertEqual(self.unit.state, "reserved")
        self.assertFalse(reservation.activity_ids)

    def test_manager_rejects_back_to_draft(self):
        reservation = self._reservation(discount=3.0)
        reservation.action_confirm()
        reservation.with_user(self.manager).action_reject()
        self.assertEqual(reservation.state, "draft")
        self.assertEqual(self.unit.state, "available")
        self.assertEqual(reservation.activity_ids.user_id, self.salesperson)

    def test_salesperson_cannot_approve(self):
        reservation = self._reservation(discount=3.0)
        reservation.action_confirm()
        with self.assertRaises(AccessError):
            reservation.with_user(self.salesperson).action_approve()
        self.assertEqual(reservation.state, "to_approve")

    def test_approval_fails_cleanly_when_someone_else_reserved_meanwhile(self):
        pending = self._reservation(discount=3.0)
        pending.action_confirm()
        self._reservation(user=self.manager).action_confirm()
        with self.assertRaisesRegex(UserError, "already reserved"):
            pending.with_user(self.manager).action_approve()

    def test_reserving_from_unit_and_lead_prefills(self):
        action = self.unit.with_user(self.salesperson).action_new_reservation()
        self.assertEqual(action["context"]["default_unit_id"], self.unit.id)
        lead = self.env["crm.lead"].create({"name": "Chen", "partner_id": self.customer.id})
        action = lead.action_reserve_unit(self.unit.id, self.plan_full.id)
        self.assertEqual(action["context"]["default_partner_id"], self.customer.id)
        self.assertEqual(action["context"]["default_payment_plan_id"], self.plan_full.id)
        self.assertEqual(action["context"]["default_lead_id"], lead.id)

    def test_board_is_notified_of_state_changes(self):
        self.env["bus.bus"].search([]).unlink()
        reservation = self._reservation()
        reservation.action_confirm()
        self.env.cr.precommit.run()
        messages = self.env["bus.bus"].search([("message", "like", "realty.unit/state")])
        payloads = [json.loads(message.message)["payload"] for message in messages]
        self.assertIn([{"id": self.unit.id, "project_id": self.project.id, "state": "reserved"}], payloads)

    def test_unit_expiry_date_not_in_past_by_default(self):
        reservation = self._reservation()
        reservation.action_confirm()
        self.assertGreater(reservation.date_expiry, datetime.now() + timedelta(hours=47))
