from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import VALID_ID_CARD, RealtyContractCase


@tagged("post_install", "-at_install")
class TestContract(RealtyContractCase):
    """A contract from its reservation to delivery or termination, as the salesperson who sells the unit."""

    def test_create_from_reservation_copies_terms_and_converts_it(self):
        reservation = self._confirmed_reservation(payment_plan_id=self.plan_full.id, discount=0.5)
        action = reservation.with_user(self.salesperson).action_create_contract()
        contract = self.env["realty.contract"].browse(action["res_id"])
        self.assertEqual(reservation.state, "converted")
        self.assertEqual(contract.state, "draft")
        self.assertRegex(contract.name, r"^HT\d{4}-\d{5}$")
        self.assertEqual(contract.reservation_id, reservation)
        self.assertEqual(contract.unit_id, self.unit)
        self.assertEqual(contract.user_id, self.salesperson)
        self.assertEqual(contract.partner_id, self.customer)
        self.assertEqual(contract.payment_plan_id, self.plan_full)
        self.assertEqual(contract.layout_id, self.layout_2br)
        self.assertEqual((contract.gross_area, contract.inner_area, contract.shared_area), (100.0, 80.0, 20.0))
        self.assertEqual(contract.unit_price, 20000.0)
        self.assertEqual(contract.list_price, 2_000_000.0)
        self.assertEqual((contract.plan_discount, contract.discount), (2.0, 0.5))
        self.assertEqual(contract.price, reservation.price)
        self.assertEqual(contract.deposit_amount, 50000.0)
        self.assertEqual(contract.buyer_ids.mapped("share"), [100.0])
        self.assertTrue(contract.buyer_ids.is_main)
        self.assertEqual(reservation.contract_count, 1)

    def test_only_a_confirmed_reservation_makes_a_contract(self):
        reservation = self._reservation()
        with self.assertRaises(UserError):
            reservation.with_user(self.salesperson).action_create_contract()
        self.assertFalse(self.env["realty.contract"].search([("reservation_id", "=", reservation.id)]))

    def test_contract_numbers_are_per_company(self):
        first = self._draft_contract()
        second = self._draft_contract(unit=self._released_unit(12, 2))
        number = int(first.name[-5:])
        self.assertEqual(second.name, f"{first.name[:-5]}{number + 1:05d}")
        self.assertTrue(first.name.startswith(f"HT{fields.Date.today().year}-"))

    def test_later_edits_of_unit_and_plan_do_not_change_the_contract(self):
        draft = self._draft_contract()
        signed = self._signed_contract(unit=self._released_unit(12, 2))
        schedule = signed.installment_ids.mapped("amount")
        self.plan_mortgage.with_user(self.admin).write({"discount": 5.0})
        (self.unit | signed.unit_id).with_user(self.manager).write({"unit_price": 30000.0, "gross_area": 110.0})
        for contract in (draft, signed):
            with self.subTest(state=contract.state):
                self.assertEqual(contract.plan_discount, 0.0)
                self.assertEqual(contract.unit_price, 20000.0)
                self.assertEqual(contract.gross_area, 100.0)
                self.assertEqual(contract.list_price, 2_000_000.0)
                self.assertEqual(contract.price, 2_000_000.0)
        self.assertEqual(signed.installment_ids.mapped("amount"), schedule)

    def test_sign_contracts_the_unit_and_schedules_the_price(self):
        contract = self._signed_contract()
        self.assertEqual(contract.state, "signed")
        self.assertEqual(contract.date_signed, fields.Date.context_today(contract))
        self.assertEqual(self.unit.state, "contracted")
        lines = contract.installment_ids
        self.assertEqual(lines.mapped("kind"), ["deposit", "installment", "installment"])
        self.assertEqual(lines.mapped("amount"), [50000.0, 585000.0, 1365000.0])  # 30 % / 70 % of the rest
        self.assertEqual(
            lines[0].date_due, fields.Date.context_today(contract, contract.reservation_id.date_reservation)
        )
        self.assertEqual(lines[2].date_due, fields.Date.add(contract.date_signed, months=3))
        self.assertEqual(sum(lines.mapped("amount")), contract.price)

    def test_deposit_is_due_on_the_office_day_of_the_reservation(self):
        """Reserved and signed at 04:00 in Shanghai (20:00 UTC the day before): the deposit is due that day, the
        signing day, not the day before as the UTC date would have it."""
        self.salesperson.tz = "Asia/Shanghai"
        with freeze_time("2026-11-27 20:00:00"):
            contract = self._signed_contract()
        self.assertEqual(contract.date_signed, fields.Date.to_date("2026-11-28"))
        self.assertEqual(contract.installment_ids[0].kind, "deposit")
        self.assertEqual(contract.installment_ids[0].date_due, contract.date_signed)

    def test_schedule_with_a_fixed_line_after_the_shares_sums_exactly(self):
        plan = self.env["realty.payment.plan"].create(
            {
                "name": "Thirds and a fee",
                "kind": "installment",
                "line_ids": [
                    Command.create({"name": "First", "share": 33.33, "payment_kind": "down_payment"}),
                    Command.create({"name": "Second", "share": 33.33}),
                    Command.create({"name": "Third", "share": 33.34, "payment_kind": "balance"}),
                    Command.create({"name": "Fee", "amount_type": "fixed", "fixed_amount": 8888.88}),
                ],
            }
        )
        contract = self._draft_contract(payment_plan_id=plan.id, discount=0.33, deposit_amount=30000.01)
        contract.buyer_ids.write({"id_number": VALID_ID_CARD})
        contract.action_sign()
        lines = contract.installment_ids
        self.assertEqual(lines.mapped("kind"), ["deposit", "down_payment", "installment", "balance", "installment"])
        self.assertEqual(lines[0].amount, 30000.01)
        self.assertEqual(lines[-1].amount, 8888.88)
        self.assertEqual(contract.currency_id.compare_amounts(sum(lines.mapped("amount")), contract.price), 0)
        self.assertEqual(lines.mapped("sequence"), [1, 2, 3, 4, 5])

    def test_sign_needs_shares_of_exactly_100_percent(self):
        contract = self._draft_contract()
        co_buyer = self.env["res.partner"].create({"name": "Li Na"})
        contract.write({"buyer_ids": [self._add_buyer_command(co_buyer, 30.0)]})
        contract.buyer_ids.write({"id_number": VALID_ID_CARD})
        with self.assertRaisesRegex(UserError, "130"):
            contract.action_sign()
        self.assertEqual(self.unit.state, "reserved")
        contract.buyer_ids.filtered("is_main").share = 70.0
        contract.action_sign()
        self.assertEqual(contract.state, "signed")
        self.assertEqual(contract.partner_id, self.customer)

    def test_sign_needs_identified_buyers_and_one_main_buyer(self):
        contract = self._draft_contract()
        with self.assertRaisesRegex(UserError, "ID number"):
            contract.action_sign()
        contract.buyer_ids.write({"id_number": VALID_ID_CARD, "is_main": False})
        with self.assertRaisesRegex(UserError, "main buyer"):
            contract.action_sign()
        self.assertEqual(contract.state, "draft")
        self.assertFalse(contract.installment_ids)

    def test_register_needs_its_number_and_date(self):
        contract = self._signed_contract()
        with self.assertRaisesRegex(UserError, "registration number"):
            contract.action_register()
        contract.write({"registration_no": "WQ2026-0042"})
        with self.assertRaises(UserError):
            contract.action_register()
        contract.write({"registration_date": "2026-11-20", "note": "备案 done at the housing bureau"})
        contract.action_register()
        self.assertEqual(contract.state, "registered")
        with self.assertRaises(UserError):  # the registration is final once recorded
            contract.write({"registration_no": "WQ2026-0043"})

    def test_deliver_delivers_the_unit(self):
        contract = self._signed_contract()
        contract.write({"registration_no": "WQ1", "registration_date": "2026-11-20"})
        contract.action_register()
        contract.action_deliver()
        self.assertEqual(contract.state, "delivered")
        self.assertEqual(contract.date_delivered, fields.Date.context_today(contract))
        self.assertEqual(self.unit.state, "delivered")
        with self.assertRaises(UserError):
            contract.action_terminate()

    def test_manager_terminates_and_the_unit_is_on_sale_again(self):
        contract = self._signed_contract()
        contract.write({"termination_reason": "The buyer's loan was refused"})
        contract.with_user(self.manager).action_terminate()
        self.assertEqual(contract.state, "terminated")
        self.assertEqual(contract.termination_date, fields.Date.context_today(contract))
        self.assertEqual(self.unit.state, "available")
        self.assertEqual(contract.reservation_id.state, "cancelled")
        again = self._confirmed_reservation()  # neither the old reservation nor the old contract holds the unit
        self.assertEqual(self._draft_contract_from(again).unit_id, self.unit)

    def test_terminate_needs_a_reason(self):
        contract = self._signed_contract()
        with self.assertRaisesRegex(UserError, "reason"):
            contract.with_user(self.manager).action_terminate()
        self.assertEqual(self.unit.state, "contracted")

    def test_salesperson_cannot_terminate(self):
        contract = self._signed_contract()
        contract.write({"termination_reason": "Changed their mind"})
        with self.assertRaises(AccessError):
            contract.action_terminate()
        self.assertEqual(contract.state, "signed")
        self.assertEqual(self.unit.state, "contracted")

    def test_cancel_only_in_draft_gives_the_reservation_back(self):
        contract = self._draft_contract()
        contract.action_cancel()
        self.assertEqual(contract.state, "cancelled")
        self.assertEqual(contract.reservation_id.state, "confirmed")
        self.assertEqual(self.unit.state, "reserved")
        replacement = self._draft_contract_from(contract.reservation_id)
        replacement.buyer_ids.write({"id_number": VALID_ID_CARD})
        replacement.action_sign()
        with self.assertRaises(UserError):
            replacement.action_cancel()
        self.assertEqual(replacement.state, "signed")

    def test_signed_contract_refuses_direct_writes_whatever_the_context(self):
        contract = self._signed_contract()
        forged = {"realty_action_write": True}
        attempts = {
            "price": 1.0,
            "state": "draft",
            "discount": 50.0,
            "user_id": self.manager.id,
            "date_signed": "2020-01-01",
            "payment_plan_id": self.plan_full.id,
            "buyer_ids": [Command.clear()],
            "installment_ids": [Command.clear()],
        }
        for user in (self.salesperson, self.manager):
            for name, value in attempts.items():
                with self.subTest(user=user.login, field=name), self.assertRaises(UserError):
                    contract.with_user(user).with_context(**forged).write({name: value})
            with self.subTest(user=user.login, what="buyers"):
                buyer = contract.buyer_ids.with_user(user).with_context(**forged)
                with self.assertRaises(UserError):
                    buyer.write({"share": 50.0})
                with self.assertRaises(UserError):
                    buyer.unlink()
                with self.assertRaises(UserError):
                    buyer.create({"contract_id": contract.id, "partner_id": self.customer.id, "share": 1.0})
            with self.subTest(user=user.login, what="installments"):
                line = contract.installment_ids[-1].with_user(user).with_context(**forged)
                with self.assertRaises(UserError):
                    line.write({"amount": 1.0})
                with self.assertRaises(UserError):
                    line.unlink()
                with self.assertRaises(UserError):
                    line.create({"contract_id": contract.id, "name": "Extra", "date_due": "2027-01-01", "amount": 1.0})
        self.assertEqual(contract.price, 2_000_000.0)
        self.assertEqual(len(contract.installment_ids), 3)
        self.assertEqual(contract.buyer_ids.share, 100.0)
        contract.write({"note": "Keys at the sales office"})  # what stays editable
        self.assertEqual(contract.note, "Keys at the sales office")

    def test_contracts_are_not_created_directly(self):
        reservation = self._confirmed_reservation()
        with self.assertRaises(UserError):
            self.env["realty.contract"].with_user(self.salesperson).with_context(realty_action_write=True).create(
                {
                    "reservation_id": reservation.id,
                    "unit_id": self.unit.id,
                    "user_id": self.salesperson.id,
                    "payment_plan_id": self.plan_full.id,
                    "price": 1.0,
                }
            )

    def test_draft_contract_buyers_are_edited_in_draft(self):
        contract = self._draft_contract()
        co_buyer = self.env["res.partner"].create({"name": "Li Na"})
        contract.write({"buyer_ids": [self._add_buyer_command(co_buyer, 40.0, id_type="passport", id_number="E1")]})
        contract.buyer_ids.filtered("is_main").write({"share": 60.0, "id_number": VALID_ID_CARD.lower()})
        self.assertEqual(contract.buyer_ids.filtered("is_main").id_number, VALID_ID_CARD)
        contract.action_sign()
        self.assertEqual(sorted(contract.buyer_ids.mapped("share")), [40.0, 60.0])

    @mute_logger("odoo.sql_db")
    def test_one_live_contract_per_unit_in_the_database(self):
        contract = self._draft_contract()
        with self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self.env.cr.execute(
                """INSERT INTO realty_contract (name, reservation_id, unit_id, user_id, payment_plan_id, state,
                                                company_id, create_uid, create_date)
                   SELECT 'HT-DUP', reservation_id, unit_id, user_id, payment_plan_id, 'signed', company_id, 1, now()
                     FROM realty_contract WHERE id = %s""",
                [contract.id],
            )
        contract.action_cancel()
        self.env.flush_all()
        self.env.cr.execute(
            """INSERT INTO realty_contract (name, reservation_id, unit_id, user_id, payment_plan_id, state,
                                            company_id, create_uid, create_date)
               SELECT 'HT-OLD', reservation_id, unit_id, user_id, payment_plan_id, 'terminated', company_id, 1, now()
                 FROM realty_contract WHERE id = %s""",
            [contract.id],
        )  # ended contracts do not count

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------

    def _released_unit(self, floor, position):
        unit = self._create_unit(floor, position)
        unit.action_release()
        return unit

    def _draft_contract_from(self, reservation):
        action = reservation.with_user(self.salesperson).action_create_contract()
        return self.env["realty.contract"].with_user(self.salesperson).browse(action["res_id"])
