from odoo.exceptions import UserError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import VALID_ID_CARD, RealtyContractCase


@tagged("post_install", "-at_install")
class TestContractUi(HttpCase, RealtyContractCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.building.write({"name": "Tour Tower", "code": "T"})
        cls.customer.name = "Contract Buyer"

    def test_salesperson_signs_a_contract_from_the_board(self):
        reservation = self._confirmed_reservation()  # T-1201, the salesperson's own
        self.start_tour(
            "/odoo/action-realty_base.realty_project_action", "realty_contract_board_sign", login="realty_sales"
        )
        contract = reservation.contract_ids
        self.assertEqual(reservation.state, "converted")
        self.assertEqual(contract.state, "signed")
        self.assertEqual(contract.user_id, self.salesperson)
        self.assertEqual(contract.buyer_ids.id_number, VALID_ID_CARD)  # the number the tour types
        self.assertEqual(self.unit.state, "contracted")
        self.assertAlmostEqual(sum(contract.installment_ids.mapped("amount")), contract.price)


@tagged("post_install", "-at_install")
class TestContractEntryPoints(RealtyContractCase):
    """Create Contract from the board's side panel and from the lead: the reservation's own action."""

    def test_board_offers_create_contract_on_reserved_units(self):
        actions = self.env["realty.unit"].with_user(self.salesperson)._board_actions()
        create = next(action for action in actions if action["key"] == "create_contract")
        self.assertEqual(create["states"], ["reserved"])
        self.assertTrue(create["opens_form"])

    def test_board_creates_the_contract_of_the_own_reservation(self):
        reservation = self._confirmed_reservation()
        action = self.unit.with_user(self.salesperson).action_board_create_contract()
        self.assertEqual(action["res_id"], reservation.contract_ids.id)
        self.assertEqual(reservation.state, "converted")

    def test_board_refuses_another_salespersons_reservation(self):
        other = new_test_user(
            self.env,
            login="realty_contract_other",
            groups="realty_base.group_realty_salesperson",
            company_id=self.company.id,
        )
        reservation = self._confirmed_reservation(user=other)
        with self.assertRaises(UserError):
            self.unit.with_user(self.salesperson).action_board_create_contract()
        self.assertEqual(reservation.state, "confirmed")

    def test_lead_creates_the_contract_of_its_confirmed_reservation(self):
        lead = (
            self.env["crm.lead"]
            .with_user(self.salesperson)
            .create({"name": "Chen Jie", "partner_id": self.customer.id})
        )
        self.assertFalse(lead.realty_contract_reservation_id)
        with self.assertRaises(UserError):
            lead.action_create_realty_contract()
        reservation = self._confirmed_reservation(lead_id=lead.id)
        lead.invalidate_recordset()
        self.assertEqual(lead.realty_contract_reservation_id, reservation)
        action = lead.action_create_realty_contract()
        self.assertEqual(action["res_id"], reservation.contract_ids.id)
        lead.invalidate_recordset()
        self.assertFalse(lead.realty_contract_reservation_id, "converted: no second contract offered")
