from odoo.exceptions import AccessError
from odoo.tests import tagged

from .roles_common import RealtyRolesCase


@tagged("post_install", "-at_install")
class TestTeamRules(RealtyRolesCase):
    """Sales managers work on their own teams' leads (and their visits), reservations and contracts; executives
    read every team's; salespeople their own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit_a, cls.unit_b, cls.unit_a2, cls.unit_b2 = cls.units[:4]

    def _deals(self, salesperson, unit, contract_unit):
        lead = self._lead(salesperson)
        return {
            "crm.lead": lead,
            "realty.visit": self.env["realty.visit"].create({"lead_id": lead.id, "user_id": salesperson.id}),
            "realty.reservation": self._reservation(unit=unit, user=salesperson),
            "realty.contract": self._draft_contract(unit=contract_unit, user=salesperson),
        }

    def test_manager_of_team_a_does_not_see_team_b(self):
        deals_a = self._deals(self.salesperson, self.unit_a, self.unit_a2)
        deals_b = self._deals(self.salesperson_b, self.unit_b, self.unit_b2)
        for model, record_b in deals_b.items():
            with self.subTest(model=model):
                record_a = deals_a[model]
                ids = (record_a | record_b).ids
                found = self.env[model].with_user(self.manager).search([("id", "in", ids)])
                self.assertEqual(found, record_a)
                with self.assertRaises(AccessError):
                    record_b.with_user(self.manager).read(["display_name"])
                record_a.with_user(self.manager).read(["display_name"])
                found_b = self.env[model].with_user(self.manager_b).search([("id", "in", ids)])
                self.assertEqual(found_b, record_b)

    def test_team_member_manager_sees_the_team(self):
        """A manager who is a member (not the leader) of team B sees team B's deals."""
        reservation_b = self._reservation(unit=self.unit_b, user=self.salesperson_b)
        self.assertFalse(reservation_b.with_user(self.manager).has_access("read"))
        self.team_b.member_ids |= self.manager
        self.assertTrue(reservation_b.with_user(self.manager).has_access("write"))

    def test_manager_cannot_approve_another_teams_discount(self):
        reservation_b = self._reservation(unit=self.unit_b, user=self.salesperson_b, discount=5.0)
        reservation_b.with_user(self.salesperson_b).action_confirm()
        self.assertEqual(reservation_b.state, "to_approve")
        with self.assertRaises(AccessError):
            reservation_b.with_user(self.manager).action_approve()
        self.assertEqual(reservation_b.state, "to_approve")
        reservation_b.with_user(self.manager_b).action_approve()
        self.assertEqual(reservation_b.state, "confirmed")
        self.assertEqual(reservation_b.approver_id, self.manager_b)

    def test_executive_and_administrator_see_every_team(self):
        deals = [
            self._deals(self.salesperson, self.unit_a, self.unit_a2),
            self._deals(self.salesperson_b, self.unit_b, self.unit_b2),
        ]
        for user in (self.executive, self.admin):
            for model in deals[0]:
                with self.subTest(user=user.login, model=model):
                    records = deals[0][model] | deals[1][model]
                    self.assertEqual(self.env[model].with_user(user).search([("id", "in", records.ids)]), records)

    def test_salespeople_see_their_own(self):
        deals_a = self._deals(self.salesperson, self.unit_a, self.unit_a2)
        deals_b = self._deals(self.salesperson_b, self.unit_b, self.unit_b2)
        for model in deals_a:
            with self.subTest(model=model):
                records = deals_a[model] | deals_b[model]
                self.assertEqual(
                    self.env[model].with_user(self.salesperson).search([("id", "in", records.ids)]), deals_a[model]
                )

    def test_deals_of_salespeople_without_team_stay_with_every_manager(self):
        loner = self._create_realty_user("realty_sales_no_team", "realty_base.group_realty_salesperson")
        reservation = self._reservation(unit=self.unit_a, user=loner)
        self.assertFalse(reservation.team_id)
        for manager in (self.manager, self.manager_b):
            self.assertTrue(reservation.with_user(manager).has_access("write"))

    def test_team_is_frozen_against_direct_writes(self):
        reservation = self._reservation(unit=self.unit_b, user=self.salesperson_b)
        self.assertEqual(reservation.team_id, self.team_b)
        with self.assertRaisesRegex(Exception, "Sales Team"):
            reservation.with_user(self.salesperson_b).write({"team_id": self.team_a.id})
