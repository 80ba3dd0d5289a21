from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .roles_common import RealtyRolesCase


@tagged("post_install", "-at_install")
class TestHandover(RealtyRolesCase):
    """活动交接: a leaving salesperson's open work goes to a colleague in one action, and the user is deactivated."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.receiver = cls._create_realty_user("realty_sales_receiver", "realty_base.group_realty_salesperson")
        cls.team_b.member_ids |= cls.receiver

    def _wizard(self, receiver, user=None):
        wizard_form = Form(
            self.env["realty.handover"]
            .with_user(self.admin)
            .with_context(active_model="res.users", active_ids=(user or self.salesperson).ids)
        )
        wizard_form.receiver_id = receiver
        return wizard_form.save()

    def _handover(self, receiver, user=None):
        return self._wizard(receiver, user).action_handover()

    def _work(self):
        """The salesperson's open and closed work: what must move, and what must stay."""
        won_stage = self.env["crm.stage"].create({"name": "Signed", "is_won": True, "sequence": 999})
        lost = self._lead(self.salesperson)
        lost.action_set_lost()
        cancelled = self._reservation(unit=self.units[2])
        cancelled.action_cancel()
        open_lead = self._lead(self.salesperson)
        activity = open_lead.activity_schedule("mail.mail_activity_data_todo", user_id=self.salesperson.id)
        return {
            "open": {
                "leads": open_lead,
                "reservations": self._reservation(unit=self.units[0]) | self._confirmed_reservation(unit=self.units[1]),
                "contracts": self._signed_contract(unit=self.units[3]) | self._draft_contract(unit=self.units[4]),
                "activities": activity,
            },
            "closed": {
                "leads": self._lead(self.salesperson, stage_id=won_stage.id) | lost,
                "reservations": cancelled,
            },
        }

    def test_handover_moves_exactly_the_open_work_and_deactivates(self):
        work = self._work()
        reservations_of_contracts = work["open"]["contracts"].reservation_id  # converted: closed, they stay
        wizard = self._wizard(self.receiver)
        self.assertEqual(
            (wizard.lead_count, wizard.reservation_count, wizard.contract_count, wizard.activity_count), (1, 2, 2, 1)
        )
        wizard.action_handover()
        for records in work["open"].values():
            self.assertEqual(set(records.sudo().mapped("user_id")), {self.receiver}, records)
        for records in [*work["closed"].values(), reservations_of_contracts]:
            self.assertEqual(set(records.sudo().mapped("user_id")), {self.salesperson})
        self.assertFalse(self.salesperson.active)
        self.assertEqual(
            work["open"]["reservations"].sudo().team_id, self.team_b, "the receiver's manager sees them now"
        )
        self.assertEqual(work["open"]["contracts"].sudo().team_id, self.team_b)

    def test_receiver_works_on_the_handed_over_deals(self):
        reservation = self._confirmed_reservation(unit=self.units[0])
        self._handover(self.receiver)
        reservation.with_user(self.receiver).action_cancel()
        self.assertEqual(reservation.state, "cancelled")

    def test_receiver_of_another_company_is_refused(self):
        reservation = self._reservation(unit=self.units[0])
        with self.assertRaisesRegex(UserError, "same company"):
            self._handover(self.user_company_b)
        self.assertTrue(self.salesperson.active)
        self.assertEqual(reservation.user_id, self.salesperson)

    def test_receiver_must_be_an_active_salesperson(self):
        with self.assertRaisesRegex(UserError, "not an active real estate salesperson"):
            self._handover(self.finance)
        with self.assertRaisesRegex(UserError, "someone else"):
            self._handover(self.salesperson)
        self.assertTrue(self.salesperson.active)

    def test_only_administrators_hand_over(self):
        with self.assertRaises(AccessError):
            self.env["realty.handover"].with_user(self.manager).create(
                {"user_id": self.salesperson.id, "receiver_id": self.receiver.id}
            )
