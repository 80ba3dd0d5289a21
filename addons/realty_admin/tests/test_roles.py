from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .roles_common import RealtyRolesCase


@tagged("post_install", "-at_install")
class TestRoles(RealtyRolesCase):
    """Each realty role gives its user the rights of the job, and only those; roles change in bulk."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.newcomer = cls._create_internal_user("realty_newcomer")
        cls.colleague_reservation = cls.env["realty.reservation"].create(
            {
                "unit_id": cls.units[0].id,
                "partner_id": cls.customer.id,
                "payment_plan_id": cls.plan_mortgage.id,
                "user_id": cls.salesperson_b.id,
            }
        )

    def _give(self, key, users=None, by=None):
        """Give ``users`` (default: the newcomer) a role, as ``by`` (default: an administrator); return them
        acting as themselves."""
        users = users or self.newcomer
        users.with_user(by or self.admin)._set_realty_role(self._role(key))
        return users.with_user(users[:1])

    def test_salesperson_role_works_on_own_deals_only(self):
        user = self._give("salesperson")
        own = self._reservation(unit=self.units[1], user=user)
        self.assertTrue(own.has_access("write"))
        self.assertFalse(self.colleague_reservation.with_user(user).has_access("read"))
        self.assertFalse(self.plan_full.with_user(user).has_access("write"))
        self.assertTrue(user.has_group("sales_team.group_sale_salesman"))
        self.assertFalse(user.has_group("sales_team.group_sale_salesman_all_leads"))

    def test_manager_role_controls_sales_of_their_teams(self):
        user = self._give("manager")
        self.assertTrue(self.plan_full.with_user(user).has_access("write"))
        self.assertTrue(user.has_group("realty_base.group_realty_salesperson"))
        self.team_b.user_id = user
        self.assertTrue(self.colleague_reservation.with_user(user).has_access("write"))
        self.assertFalse(user.has_group("sales_team.group_sale_manager"))

    def test_executive_role_reads_every_deal_and_changes_none(self):
        user = self._give("executive")
        reservation = self.colleague_reservation.with_user(user)
        self.assertTrue(reservation.has_access("read"))
        self.assertFalse(reservation.has_access("write"))
        self.assertFalse(self.plan_full.with_user(user).has_access("write"))

    def test_finance_role_reads_deals_without_selling(self):
        user = self._give("finance")
        self.assertTrue(self.colleague_reservation.with_user(user).has_access("read"))
        self.assertFalse(self.colleague_reservation.with_user(user).has_access("write"))
        with self.assertRaises(AccessError):
            self._reservation(unit=self.units[1], user=user)

    def test_administrator_role_configures_and_allocates_roles(self):
        user = self._give("admin")
        self.assertTrue(user.has_group("base.group_system"))
        self.assertTrue(self.colleague_reservation.with_user(user).has_access("write"))
        self.company.with_user(user).realty_discount_limit = 4.0
        self._give("salesperson", self.salesperson_b, by=user)  # an administrator allocates roles
        self.assertEqual(self.salesperson_b.realty_role_id, self._role("salesperson"))

    def test_a_new_role_replaces_the_previous_one(self):
        self._give("manager")
        self._give("finance")
        self.assertEqual(self.newcomer.role_line_ids.role_id, self._role("finance"))
        self.assertTrue(self.newcomer.has_group("realty_base.group_realty_finance"))
        self.assertFalse(self.newcomer.has_group("realty_base.group_realty_manager"))
        self.assertFalse(self.plan_full.with_user(self.newcomer).has_access("write"))

    def test_bulk_change_from_the_role_screen(self):
        users = self.newcomer | self._create_internal_user("realty_newcomer_2")
        self._give("salesperson", users[0])
        action = self.env.ref("realty_admin.realty_role_assign_action")
        wizard_form = Form(
            self.env[action.res_model]
            .with_user(self.admin)
            .with_context(active_model="res.users", active_ids=users.ids)
        )
        wizard_form.role_id = self._role("manager")
        wizard_form.save().action_apply()
        self.assertEqual(users.mapped("realty_role_id"), self._role("manager"))
        self.assertEqual(len(users.role_line_ids), 2)
        self.assertTrue(all(user.has_group("realty_base.group_realty_manager") for user in users))
        screen = self.env["res.users"].with_user(self.admin).search([("realty_role_id", "=", self._role("manager").id)])
        self.assertEqual(screen & users, users)

    def test_only_administrators_change_roles(self):
        with self.assertRaises(AccessError):
            self.env["realty.role.assign"].with_user(self.manager).create(
                {"role_id": self._role("admin").id, "user_ids": [Command.set(self.manager.ids)]}
            )
        self.assertFalse(self.manager.has_group("base.group_system"))

    def test_role_screen_shows_role_and_team(self):
        self._give("salesperson", self.salesperson)
        action = self.env.ref("realty_admin.res_users_action_realty_roles")
        users = self.env["res.users"].with_user(self.admin).search(safe_eval(action.domain))
        self.assertIn(self.salesperson, users)
        self.assertNotIn(self.env.ref("base.public_user"), users)
        row = users.filtered(lambda user: user == self.salesperson)
        self.assertEqual((row.realty_role_id, row.sale_team_id), (self._role("salesperson"), self.team_a))

    def _role_screen_queries(self):
        action = self.env.ref("realty_admin.res_users_action_realty_roles")
        specification = {
            name: {"fields": {"display_name": {}}} if name in ("realty_role_id", "sale_team_id", "company_id") else {}
            for name in ("name", "login", "realty_role_id", "sale_team_id", "company_id", "active")
        }
        users = self.env["res.users"].with_user(self.admin)
        users.web_search_read(safe_eval(action.domain), specification)  # warm the caches the changes of roles cleared
        self.env.invalidate_all()
        count = self.env.cr.sql_log_count
        result = users.web_search_read(safe_eval(action.domain), specification)
        return self.env.cr.sql_log_count - count, result["length"]

    def test_role_screen_reads_in_a_constant_number_of_queries(self):
        self._give("salesperson", self.salesperson | self.salesperson_b)
        queries, length = self._role_screen_queries()
        newcomers = self.env["res.users"].union(*(self._create_internal_user(f"realty_new_{n}") for n in range(10)))
        self._give("manager", newcomers)
        self.team_b.member_ids |= newcomers
        more_queries, more_length = self._role_screen_queries()
        self.assertEqual(more_length, length + 10)
        self.assertEqual(more_queries, queries)
