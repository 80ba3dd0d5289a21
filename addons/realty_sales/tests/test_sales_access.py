from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import RealtySalesCase


@tagged("post_install", "-at_install")
class TestSalesAccess(RealtySalesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_salesperson = cls._create_realty_user("realty_sales_2", "realty_base.group_realty_salesperson")
        cls.unit_2 = cls._create_unit(12, 2)
        cls.unit_2.action_release()

    def test_salesperson_reserves_without_unit_write_rights(self):
        reservation = self._reservation()
        reservation.action_confirm()
        self.assertEqual(self.unit.state, "reserved")
        self.assertEqual(reservation.user_id, self.salesperson)

    def test_salespeople_see_only_their_own_reservations(self):
        mine = self._reservation()
        theirs = self._reservation(unit=self.unit_2, user=self.other_salesperson)
        visible = self.env["realty.reservation"].with_user(self.salesperson).search([])
        self.assertIn(mine, visible)
        self.assertNotIn(theirs, visible)
        with self.assertRaises(AccessError):
            theirs.with_user(self.salesperson).read(["price"])

    def test_managers_executives_and_finance_see_all(self):
        reservations = self._reservation() | self._reservation(unit=self.unit_2, user=self.other_salesperson)
        for user in (self.manager, self.executive, self.finance):
            with self.subTest(user=user.login):
                visible = self.env["realty.reservation"].with_user(user).search([])
                self.assertEqual(visible & reservations, reservations)

    def test_executive_cannot_reserve(self):
        with self.assertRaises(AccessError):
            self._reservation(user=self.executive)

    def test_salespeople_see_only_their_own_leads(self):
        Lead = self.env["crm.lead"]
        mine = Lead.with_user(self.salesperson).create({"name": "Mine"})
        theirs = Lead.with_user(self.other_salesperson).create({"name": "Theirs"})
        visible = Lead.with_user(self.salesperson).search([("id", "in", (mine | theirs).ids)])
        self.assertEqual(visible, mine)
        visible = Lead.with_user(self.manager).search([("id", "in", (mine | theirs).ids)])
        self.assertEqual(visible, mine | theirs)

    def test_salesperson_cannot_edit_payment_plans(self):
        with self.assertRaises(AccessError):
            self.plan_full.with_user(self.salesperson).discount = 10.0

    def test_other_company_sees_no_reservation(self):
        reservation = self._reservation()
        self.assertFalse(
            self.env["realty.reservation"].with_user(self.user_company_b).search([("id", "=", reservation.id)])
        )
