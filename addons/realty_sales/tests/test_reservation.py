from datetime import datetime

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

    def test_agreed_price_is_rounded_to_the_yuan_unless_the_company_keeps_the_fen(self):
        unit = self._create_unit(12, 2, unit_price=20_000.37)  # 2,000,037.00; × 0.98 × 0.995 = 1,950,236.08
        unit.action_release()
        reservation = self._reservation(unit, payment_plan_id=self.plan_full.id, discount=0.5)
        self.assertEqual(reservation.price, 1_950_236.0)
        self.company.realty_price_rounding = "fen"
        self.assertEqual(self._reservation(unit, payment_plan_id=self.plan_full.id, discount=0.5).price, 1_950_236.08)

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

    def test_a_deal_left_waiting_for_approval_expires_with_its_hold(self):
        with freeze_time("2026-11-20 10:00:00"):
            pending = self._reservation(discount=3.0)
            pending.action_confirm()
        with freeze_time("2026-11-22 10:01:00"):
            self.env["realty.reservation"]._cron_expire()
        self.assertEqual((pending.state, self.unit.state), ("expired", "available"))

    def test_large_discount_goes_to_approval_and_holds_the_unit(self):
        reservation = self._reservation(discount=3.0)
        reservation.action_confirm()
        self.assertEqual(reservation.state, "to_approve")
        self.assertEqual(self.unit.state, "pending")
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

    def test_unit_waiting_for_approval_cannot_be_reserved_by_another(self):
        pending = self._reservation(discount=3.0)
        pending.action_confirm()
        rival = self._reservation(user=self.manager)
        with self.assertRaisesRegex(UserError, rf"already reserved by .*\({pending.name}\)"):
            rival.action_confirm()
        pending.with_user(self.manager).action_approve()
        self.assertEqual((pending.state, self.unit.state), ("confirmed", "reserved"))

    def test_unit_actions_cannot_free_a_unit_that_a_deal_holds(self):
        pending = self._reservation(discount=3.0)
        pending.action_confirm()
        other_unit = self._create_unit(12, 2)
        other_unit.action_release()
        confirmed = self._reservation(other_unit)
        confirmed.action_confirm()
        for unit in (pending.unit_id, confirmed.unit_id):
            for action in ("action_release", "action_unhold", "action_withdraw", "action_hold"):
                with self.subTest(unit=unit.state, action=action), self.assertRaises(UserError):
                    getattr(unit.with_user(self.manager), action)()
        self.assertEqual((pending.unit_id.state, confirmed.unit_id.state), ("pending", "reserved"))

    def test_cancelling_a_deal_waiting_for_approval_releases_the_unit(self):
        pending = self._reservation(discount=3.0)
        pending.action_confirm()
        pending.action_cancel()
        self.assertEqual((pending.state, self.unit.state), ("cancelled", "available"))
        self.assertFalse(pending.activity_ids)
