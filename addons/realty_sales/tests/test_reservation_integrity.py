import json
from datetime import datetime, timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, new_test_user, tagged

from .common import RealtySalesCase

FORGED_CONTEXTS = ({}, {"realty_action_write": True}, {"realty_unit_state_change": True})


@tagged("post_install", "-at_install")
class TestReservationIntegrity(RealtySalesCase):
    """What a salesperson (or any client) might try on a reservation outside its actions."""

    def _confirmed(self, **values):
        reservation = self._reservation(**values)
        reservation.action_confirm()
        self.assertEqual(reservation.state, "confirmed")
        return reservation

    # the agreed price is frozen -------------------------------------------------------------------

    def test_editing_the_plan_discount_does_not_reprice_confirmed_reservations(self):
        reservation = self._confirmed(payment_plan_id=self.plan_full.id)
        self.assertEqual(reservation.price, 1_960_000.0)
        self.plan_full.with_user(self.manager).discount = 10.0
        self.env.flush_all()
        reservation.invalidate_recordset()
        self.assertEqual((reservation.plan_discount, reservation.price), (2.0, 1_960_000.0))

    def test_editing_the_unit_price_does_not_reprice_confirmed_reservations(self):
        reservation = self._confirmed()
        self.unit.with_user(self.manager).unit_price = 10_000.0
        self.env.flush_all()
        reservation.invalidate_recordset()
        self.assertEqual((reservation.list_price, reservation.price), (2_000_000.0, 2_000_000.0))

    def test_confirming_freezes_todays_plan_discount_and_list_price(self):
        reservation = self._reservation(payment_plan_id=self.plan_full.id)
        self.plan_full.with_user(self.manager).discount = 5.0
        self.unit.with_user(self.manager).unit_price = 21_000.0
        reservation.action_confirm()
        self.assertEqual(
            (reservation.list_price, reservation.plan_discount, reservation.price), (2_100_000.0, 5.0, 1_995_000.0)
        )

    def test_terms_of_a_confirmed_reservation_cannot_be_written(self):
        reservation = self._confirmed()
        other_unit = self._create_unit(12, 2)
        other_unit.action_release()
        other_customer = self.env["res.partner"].create({"name": "Someone Else"})
        attempts = {
            "discount": 20.0,
            "unit_id": other_unit.id,
            "partner_id": other_customer.id,
            "payment_plan_id": self.plan_full.id,
            "deposit_amount": 1.0,
            "date_expiry": fields_now() + timedelta(hours=1),
            "list_price": 1.0,
            "plan_discount": 50.0,
            "price": 1.0,
        }
        for user in (self.salesperson, self.manager):
            for field, value in attempts.items():
                for context in FORGED_CONTEXTS:
                    with self.subTest(user=user.login, field=field, context=context), self.assertRaises(UserError):
                        reservation.with_user(user).with_context(**context).write({field: value})
        reservation.invalidate_recordset()
        self.assertEqual((reservation.unit_id, reservation.price, reservation.discount), (self.unit, 2_000_000.0, 0.0))
        reservation.with_user(self.salesperson).write({"note": "Customer prefers mornings"})  # notes stay free

    def test_prices_cannot_be_written_on_a_draft_either(self):
        reservation = self._reservation()
        for field in ("list_price", "price", "plan_discount"):
            with self.subTest(field=field), self.assertRaises(UserError):
                reservation.write({field: 1.0})
        self.assertEqual(reservation.price, 2_000_000.0)

    # state and approver only through the actions --------------------------------------------------

    def test_state_and_approver_cannot_be_written(self):
        reservation = self._reservation(discount=3.0)
        for user in (self.salesperson, self.manager):
            for values in ({"state": "confirmed"}, {"state": "cancelled"}, {"approver_id": self.manager.id}):
                for context in FORGED_CONTEXTS:
                    with self.subTest(user=user.login, values=values, context=context), self.assertRaises(UserError):
                        reservation.with_user(user).with_context(**context).write(values)
        self.assertEqual((reservation.state, self.unit.state), ("draft", "available"))
        self.assertFalse(reservation.approver_id)

    def test_cancelling_by_writing_the_state_is_refused_and_the_unit_stays_sellable(self):
        reservation = self._confirmed()
        with self.assertRaises(UserError):
            reservation.write({"state": "cancelled"})
        reservation.action_cancel()
        self.assertEqual(self.unit.state, "available")

    def test_a_reservation_cannot_be_created_confirmed(self):
        for context in FORGED_CONTEXTS:
            with self.subTest(context=context), self.assertRaises(UserError):
                self.env["realty.reservation"].with_user(self.salesperson).with_context(**context).create(
                    {
                        "unit_id": self.unit.id,
                        "partner_id": self.customer.id,
                        "payment_plan_id": self.plan_mortgage.id,
                        "state": "confirmed",
                        "discount": 50.0,
                    }
                )
        self.assertEqual(self.unit.state, "available")
        self.assertFalse(self.env["realty.reservation"].search([("unit_id", "=", self.unit.id)]))

    # salespeople's own work ------------------------------------------------------------------------

    def test_salesperson_cannot_hand_a_reservation_to_someone_else(self):
        reservation = self._reservation()
        with self.assertRaisesRegex(UserError, "Only a sales manager"):
            reservation.write({"user_id": self.manager.id})
        with self.assertRaisesRegex(UserError, "Only a sales manager"):
            self._reservation(user_id=self.manager.id)
        reservation.with_user(self.manager).write({"user_id": self.manager.id})  # a manager may
        self.assertEqual(reservation.user_id, self.manager)

    def test_salesperson_cannot_attach_another_salespersons_lead(self):
        colleague = new_test_user(self.env, login="colleague", groups="realty_base.group_realty_salesperson")
        their_lead = self.env["crm.lead"].create({"name": "Their customer", "user_id": colleague.id})
        reservation = self._reservation()
        with self.assertRaisesRegex(UserError, "belongs to"):
            reservation.write({"lead_id": their_lead.id})
        own_lead = self.env["crm.lead"].create({"name": "My customer", "user_id": self.salesperson.id})
        reservation.write({"lead_id": own_lead.id})
        self.assertEqual(reservation.lead_id, own_lead)

    def test_hold_cannot_be_set_past_the_projects_limit(self):
        reservation = self._reservation()
        with self.assertRaisesRegex(UserError, "48 hours at most"):
            reservation.write({"date_expiry": fields_now() + timedelta(days=30)})
        with self.assertRaisesRegex(UserError, "in the future"):
            reservation.write({"date_expiry": fields_now() - timedelta(hours=1)})
        reservation.write({"date_expiry": fields_now() + timedelta(hours=24)})
        reservation.action_confirm()
        self.assertLess(reservation.date_expiry, fields_now() + timedelta(hours=25))

    # approval is a sales manager's right ------------------------------------------------------------

    def test_unit_write_rights_do_not_make_an_approver(self):
        unit_writers = self.env["res.groups"].create({"name": "Unit writers (e.g. a future contract role)"})
        self.env["ir.model.access"].create(
            [
                {
                    "name": f"unit writers on {model}",
                    "model_id": self.env["ir.model"]._get_id(model),
                    "group_id": unit_writers.id,
                    "perm_read": True,
                    "perm_write": True,
                }
                for model in ("realty.unit", "realty.reservation")
            ]
        )
        clerk = new_test_user(self.env, login="clerk", groups="realty_base.group_realty_finance")
        clerk.group_ids = [Command.link(unit_writers.id)]
        reservation = self._reservation(discount=3.0)
        reservation.action_confirm()
        for action in ("action_approve", "action_reject"):
            with self.subTest(action=action), self.assertRaisesRegex(AccessError, "Only a sales manager"):
                getattr(reservation.with_user(clerk), action)()
        self.assertEqual(reservation.state, "to_approve")

    # bad input ---------------------------------------------------------------------------------------

    def test_new_reservation_form_opens_without_a_unit(self):
        form = Form(self.env["realty.reservation"].with_user(self.salesperson))
        self.assertEqual(form.price, 0.0)
        form.unit_id = self.unit
        form.partner_id = self.customer
        form.payment_plan_id = self.plan_full
        self.assertEqual(form.price, 1_960_000.0)
        reservation = form.save()
        self.assertEqual(reservation.user_id, self.salesperson)

    def test_reserving_from_the_unit_form_starts_with_a_plan_and_confirms(self):
        unit = self.unit.with_user(self.salesperson)
        action = unit.action_new_reservation()
        form = Form(self.env["realty.reservation"].with_user(self.salesperson).with_context(action["context"]))
        form.partner_id = self.customer
        reservation = form.save()
        self.assertTrue(reservation.payment_plan_id)
        reservation.action_confirm()
        self.assertEqual(self.unit.state, "reserved")

    def test_discount_out_of_range_is_named(self):
        for discount in (150.0, 100.0, -5.0):
            with self.subTest(discount=discount), self.assertRaisesRegex(ValidationError, "extra discount"):
                self._reservation(discount=discount)

    def test_deposit_above_the_price_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "more than the agreed price"):
            self._reservation(deposit_amount=99_999_999.0)
        reservation = self._reservation(deposit_amount=50_000.0)
        with self.assertRaisesRegex(ValidationError, "more than the agreed price"):
            reservation.write({"deposit_amount": 2_500_000.0})

    def test_plan_whose_fixed_amounts_exceed_the_price_is_refused_at_confirmation(self):
        plan = self.env["realty.payment.plan"].create(
            {
                "name": "Big fixed first payment",
                "kind": "installment",
                "line_ids": [
                    Command.create({"name": "Fixed", "amount_type": "fixed", "fixed_amount": 3_000_000.0}),
                    Command.create({"name": "Rest", "share": 100.0}),
                ],
            }
        )
        reservation = self._reservation(payment_plan_id=plan.id)
        with self.assertRaises(UserError):
            reservation.action_confirm()
        self.assertEqual((reservation.state, self.unit.state), ("draft", "available"))


def fields_now():
    return datetime.now().replace(microsecond=0)


@tagged("post_install", "-at_install")
class TestReservationOverJson2(HttpCase, RealtySalesCase):
    """A salesperson's own API key, and whatever JSON they care to send."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.headers = cls._json2_headers(cls.salesperson)

    def _call(self, method, **payload):
        return self.url_open(f"/json/2/realty.reservation/{method}", data=json.dumps(payload), headers=self.headers)

    def test_salesperson_cannot_confirm_or_discount_through_the_api(self):
        reservation = self._reservation()
        reservation.action_confirm()
        attempts = [
            {"discount": 20},
            {"price": 1},
            {"state": "cancelled"},
            {"approver_id": self.salesperson.id},
        ]
        for vals in attempts:
            for context in FORGED_CONTEXTS:
                with self.subTest(vals=vals, context=context):
                    response = self._call("write", ids=reservation.ids, vals=vals, context=context)
                    self.assertEqual(response.status_code, 422, response.text)
        reservation.invalidate_recordset()
        self.assertEqual((reservation.state, reservation.price), ("confirmed", 2_000_000.0))
        self.assertEqual(self.unit.state, "reserved")


@tagged("post_install", "-at_install")
class TestReservationChangeOfTerms(RealtySalesCase):
    """After confirmation, terms change only through a sales manager's reasoned, logged change."""

    def _open_change(self, reservation, user):
        action = reservation.with_user(user).action_change_terms()
        return Form(self.env[action["res_model"]].with_user(user).with_context(action["context"]))

    def test_manager_changes_plan_and_discount_with_a_reason(self):
        reservation = self._reservation()
        reservation.action_confirm()
        form = self._open_change(reservation, self.manager)
        form.payment_plan_id = self.plan_full
        form.discount = 5.0
        self.assertEqual(form.new_price, 1_862_000.0)  # 2,000,000 × 0.98 × 0.95
        form.reason = "Buyer pays in full"
        form.save().action_apply()
        self.assertEqual(
            (reservation.payment_plan_id, reservation.plan_discount, reservation.price, reservation.approver_id),
            (self.plan_full, 2.0, 1_862_000.0, self.manager),
        )
        self.assertIn("Buyer pays in full", reservation.message_ids[0].body)
        self.assertEqual(reservation.state, "confirmed")

    def test_salesperson_cannot_change_terms(self):
        reservation = self._reservation()
        reservation.action_confirm()
        with self.assertRaisesRegex(AccessError, "change the terms"):
            reservation.with_user(self.salesperson).action_change_terms()
        with self.assertRaises(AccessError):
            self.env["realty.reservation.change"].with_user(self.salesperson).create(
                {"reservation_id": reservation.id, "partner_id": self.customer.id, "reason": "x"}
                | {"payment_plan_id": self.plan_full.id, "discount": 50.0}
            )
        self.assertEqual(reservation.price, 2_000_000.0)

    def test_a_change_that_breaks_the_deal_is_refused_whole(self):
        reservation = self._reservation(deposit_amount=50_000.0)
        reservation.action_confirm()
        form = self._open_change(reservation, self.manager)
        form.deposit_amount = 3_000_000.0
        form.reason = "typo"
        with self.assertRaises(ValidationError):
            form.save().action_apply()
        self.assertEqual(reservation.deposit_amount, 50_000.0)
