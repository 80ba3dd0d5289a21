from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import VALID_ID_CARD, RealtyContractCase

OTHER_ID_CARD = "110105194912310011"


@tagged("post_install", "-at_install")
class TestContractAmendment(RealtyContractCase):
    """Amendments of signed contracts, done by the roles who do them: the salesperson requests, a manager decides."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_buyer = cls.env["res.partner"].create({"name": "Wang Fang"})

    def test_unit_change_moves_the_contract_to_the_new_unit(self):
        contract = self._signed_contract()
        new_unit = self._released_unit(15, 2, unit_price=21000.0)  # 2,100,000
        amendment = self._submitted(contract, "unit_change", new_unit_id=new_unit.id)
        self.assertEqual(amendment.price_difference, 100000.0)
        amendment.with_user(self.manager).action_approve()
        self.assertEqual(amendment.state, "applied")
        self.assertEqual(amendment.approved_by_id, self.manager)
        self.assertEqual((self.unit.state, new_unit.state), ("available", "contracted"))
        self.assertEqual(contract.unit_id, new_unit)
        self.assertEqual(
            (contract.list_price, contract.unit_price, contract.price), (2_100_000.0, 21000.0, 2_100_000.0)
        )
        self.assertEqual(sum(contract.installment_ids.mapped("amount")), 2_100_000.0)
        self.assertEqual(contract.installment_ids[0].amount, 50000.0)  # the deposit stays
        self.assertEqual(contract.reservation_id.unit_id, new_unit)
        self.assertEqual(contract.reservation_id.price, 2_000_000.0)  # its agreed terms stay as they were
        self.assertIn(self.unit.display_name, amendment.summary_before)
        self.assertIn(new_unit.display_name, amendment.summary_after)
        self.assertIn(new_unit.display_name, contract.message_ids[0].body)
        # the released unit is on sale again: a new customer reserves it
        self._confirmed_reservation(unit=self.unit)
        self.assertEqual(self.unit.state, "reserved")

    def test_unit_change_to_a_unit_reserved_for_the_same_buyer_absorbs_that_reservation(self):
        contract = self._signed_contract()
        old_reservation = contract.reservation_id
        new_unit = self._released_unit(15, 2, unit_price=21000.0)
        new_reservation = self._confirmed_reservation(unit=new_unit)  # the office reserves the new flat first
        self.assertEqual(new_unit.state, "reserved")
        self.assertIn(new_unit, self._units_offered(contract))
        amendment = self._submitted(contract, "unit_change", new_unit_id=new_unit.id)
        amendment.with_user(self.manager).action_approve()
        self.assertEqual(amendment.state, "applied")
        self.assertEqual((self.unit.state, new_unit.state), ("available", "contracted"))
        self.assertEqual((contract.unit_id, contract.price), (new_unit, 2_100_000.0))
        self.assertEqual(contract.reservation_id, new_reservation)
        self.assertEqual((new_reservation.state, old_reservation.state), ("converted", "cancelled"))
        self.assertEqual(old_reservation.unit_id, self.unit)
        self.assertIn(new_reservation.name, amendment.summary_after)
        self.assertEqual(sum(contract.installment_ids.mapped("amount")), 2_100_000.0)
        self._confirmed_reservation(unit=self.unit, partner_id=self.other_buyer.id)  # the old unit is on sale
        self.assertEqual(self.unit.state, "reserved")

    def test_unit_change_to_a_unit_reserved_for_another_buyer_is_refused(self):
        contract = self._signed_contract()
        new_unit = self._released_unit(15, 2)
        self._confirmed_reservation(unit=new_unit, partner_id=self.other_buyer.id)
        self.assertNotIn(new_unit, self._units_offered(contract))
        amendment = self._amendment(contract, "unit_change", new_unit_id=new_unit.id)
        with self.assertRaisesRegex(UserError, "reserved for another buyer"):
            amendment.action_submit()
        self.assertEqual(amendment.state, "draft")
        self.assertEqual((self.unit.state, new_unit.state), ("contracted", "reserved"))

    def test_buyer_change_replaces_the_buyers(self):
        contract = self._signed_contract()
        spouse = self.env["res.partner"].create({"name": "Li Na"})
        amendment = self._amendment(
            contract,
            "buyers",
            new_buyer_ids=[
                self._new_buyer(self.customer, 60.0, is_main=True),
                self._new_buyer(spouse, 40.0, id_number=OTHER_ID_CARD),
            ],
        )
        amendment.action_submit()
        amendment.with_user(self.manager).action_approve()
        self.assertEqual(contract.buyer_ids.mapped("partner_id"), self.customer | spouse)
        self.assertEqual(sorted(contract.buyer_ids.mapped("share")), [40.0, 60.0])
        self.assertEqual(contract.partner_id, self.customer)
        self.assertIn("Li Na", amendment.summary_after)
        self.assertNotIn("Li Na", amendment.summary_before)

    def test_buyer_change_needs_shares_of_100_percent(self):
        contract = self._signed_contract()
        amendment = self._amendment(
            contract, "buyers", new_buyer_ids=[self._new_buyer(self.customer, 90.0, is_main=True)]
        )
        with self.assertRaises(UserError):
            amendment.action_submit()
        self.assertEqual(amendment.state, "draft")

    def test_price_and_plan_change_regenerates_the_schedule(self):
        contract = self._signed_contract()
        amendment = self._submitted(
            contract, "price_plan", new_price=1_900_000.01, new_payment_plan_id=self.plan_installment.id
        )
        amendment.with_user(self.manager).action_approve()
        self.assertEqual(contract.price, 1_900_000.01)
        self.assertEqual(contract.payment_plan_id, self.plan_installment)
        lines = contract.installment_ids
        self.assertEqual(lines.mapped("kind")[0], "deposit")
        self.assertEqual(len(lines), 4)  # the deposit, then 40 / 30 / 30 % of the rest
        self.assertAlmostEqual(sum(lines.mapped("amount")), 1_900_000.01, places=2)
        self.assertEqual(lines.mapped("sequence"), [1, 2, 3, 4])
        self.assertIn("2,000,000.00", amendment.summary_before)
        self.assertIn("1,900,000.01", amendment.summary_after)

    def test_rejected_amendment_changes_nothing(self):
        contract = self._signed_contract()
        new_unit = self._released_unit(15, 2)
        schedule = contract.installment_ids
        amendment = self._submitted(contract, "unit_change", new_unit_id=new_unit.id)
        amendment.with_user(self.manager).action_reject()
        self.assertEqual(amendment.state, "rejected")
        self.assertEqual(contract.unit_id, self.unit)
        self.assertEqual((self.unit.state, new_unit.state), ("contracted", "available"))
        self.assertEqual(contract.installment_ids, schedule)
        with self.assertRaises(UserError):
            amendment.with_user(self.manager).action_approve()

    def test_salesperson_cannot_approve_or_reject(self):
        contract = self._signed_contract()
        amendment = self._submitted(contract, "price_plan", new_price=1_800_000.0)
        with self.assertRaises(AccessError):
            amendment.action_approve()
        with self.assertRaises(AccessError):
            amendment.action_reject()
        self.assertEqual((amendment.state, contract.price), ("to_approve", 2_000_000.0))

    def test_only_signed_or_registered_contracts_are_amended(self):
        draft = self._draft_contract()
        with self.assertRaises(ValidationError):
            self._amendment(draft, "price_plan", new_price=1.0)
        terminated = self._signed_contract(unit=self._released_unit(16, 1))
        terminated.with_user(self.manager).write({"termination_reason": "Buyer withdrew"})
        terminated.with_user(self.manager).action_terminate()
        with self.assertRaises(ValidationError):
            self._amendment(terminated, "price_plan", new_price=1.0)
        with self.assertRaises(UserError):
            terminated.action_request_amendment()

    def test_unit_change_to_an_unavailable_unit_writes_nothing(self):
        contract = self._signed_contract()
        new_unit = self._released_unit(15, 2)
        amendment = self._submitted(contract, "unit_change", new_unit_id=new_unit.id)
        self._confirmed_reservation(unit=new_unit, partner_id=self.other_buyer.id)  # another buyer reserves it
        schedule = contract.installment_ids
        with self.assertRaises(UserError):
            amendment.with_user(self.manager).action_approve()
        self.assertEqual(amendment.state, "to_approve")
        self.assertEqual(contract.unit_id, self.unit)
        self.assertEqual((self.unit.state, new_unit.state), ("contracted", "reserved"))
        self.assertEqual(contract.installment_ids, schedule)
        self.assertEqual(contract.price, 2_000_000.0)

    def test_applied_amendment_refuses_direct_writes(self):
        contract = self._signed_contract()
        amendment = self._submitted(contract, "price_plan", new_price=1_800_000.0)
        amendment.with_user(self.manager).action_approve()
        other = self._signed_contract(unit=self._released_unit(16, 1))
        for user in (self.salesperson, self.manager):
            record = amendment.with_user(user)
            for vals in (
                {"new_price": 1.0},
                {"reason": "Changed my mind"},
                {"state": "draft"},
                {"summary_before": "nothing"},
                {"price_difference": 1.0},
                {"contract_id": other.id},
                {"new_buyer_ids": [self._new_buyer(self.customer, 100.0)]},
            ):
                with self.subTest(user=user.login, vals=vals), self.assertRaises(UserError):
                    record.with_context(realty_action_write=True).write(vals)
        with self.assertRaises(UserError):
            amendment.with_user(self.manager).unlink()
        self.assertEqual((amendment.state, amendment.new_price), ("applied", 1_800_000.0))

    def test_amendments_are_not_created_applied(self):
        contract = self._signed_contract()
        with self.assertRaises(UserError):
            self._amendment(contract, "price_plan", new_price=1.0, state="applied")

    def test_salesperson_requests_only_for_their_own_contracts(self):
        colleague = self._create_realty_user("realty_sales_2", "realty_base.group_realty_salesperson")
        contract = self._signed_contract()
        with self.assertRaises(AccessError):
            self.env["realty.contract.amendment"].with_user(colleague).create(
                {"contract_id": contract.id, "kind": "price_plan", "reason": "x", "new_price": 1.0}
            )

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------

    def _amendment(self, contract, kind, user=None, **values):
        return (
            self.env["realty.contract.amendment"]
            .with_user(user or self.salesperson)
            .create({"contract_id": contract.id, "kind": kind, "reason": "The buyer asked", **values})
        )

    def _submitted(self, contract, kind, **values):
        amendment = self._amendment(contract, kind, **values)
        amendment.action_submit()
        self.assertEqual(amendment.state, "to_approve")
        return amendment

    def _units_offered(self, contract):
        """The units the New Unit field offers for ``contract`` (its domain, as the salesperson)."""
        domain = self.env["realty.contract.amendment"]._fields["new_unit_id"].domain
        values = {"contract_partner_id": contract.partner_id.id}
        return self.env["realty.unit"].with_user(self.salesperson).search(safe_eval(domain, values))

    def _released_unit(self, floor, position, **values):
        unit = self._create_unit(floor, position, **values)
        unit.action_release()
        return unit

    @staticmethod
    def _new_buyer(partner, share, id_number=VALID_ID_CARD, **values):
        return Command.create({"partner_id": partner.id, "share": share, "id_number": id_number, **values})
