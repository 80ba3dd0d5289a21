import json
from datetime import datetime, timedelta

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from .roles_common import RealtyRolesCase


@tagged("post_install", "-at_install")
class TestAccessLog(HttpCase, RealtyRolesCase):
    """Who changed whose access, when, from what to what: written by every change, kept as written."""

    def _log_of(self, user):
        return self.env["realty.access.log"].search([("user_id", "=", user.id)])

    def test_role_change_is_logged_from_what_to_what(self):
        self.salesperson.with_user(self.admin)._set_realty_role(self._role("salesperson"))
        self.salesperson.with_user(self.admin)._set_realty_role(self._role("manager"))
        last = self._log_of(self.salesperson).filtered(lambda entry: entry.kind == "role")[:1]
        self.assertEqual((last.old_value, last.new_value), ("Salesperson", "Sales Manager"))
        self.assertEqual(last.author_id, self.admin)
        self.assertTrue(last.date)

    def test_group_change_outside_roles_is_logged(self):
        self.finance.with_user(self.admin).write(
            {"group_ids": [Command.link(self.env.ref("realty_base.group_realty_manager").id)]}
        )
        entry = self._log_of(self.finance).filtered(lambda entry: entry.kind == "groups")
        self.assertEqual(len(entry), 1)
        self.assertIn("Sales Manager", entry.new_value)
        self.assertEqual(entry.author_id, self.admin)

    def test_handover_is_logged(self):
        self.env["realty.handover"].with_user(self.admin).create(
            {"user_id": self.salesperson.id, "receiver_id": self.salesperson_b.id}
        ).action_handover()
        entry = self._log_of(self.salesperson).filtered(lambda entry: entry.kind == "handover")
        self.assertEqual((entry.old_value, entry.new_value), (self.salesperson.name, self.salesperson_b.name))
        self.assertIn("deactivated", entry.description)

    def _json2(self, user, model, method, **params):
        key = self.env["res.users.apikeys"].with_user(user)._generate("rpc", "log", datetime.now() + timedelta(hours=1))
        headers = {
            "Authorization": f"bearer {key}",
            "Content-Type": "application/json",
            "X-Odoo-Database": self.env.cr.dbname,
        }
        return self.url_open(f"/json/2/{model}/{method}", data=json.dumps(params), headers=headers)

    def test_administrator_cannot_change_or_delete_the_log_over_rpc(self):
        self.salesperson.with_user(self.admin)._set_realty_role(self._role("finance"))
        entry = self._log_of(self.salesperson)[:1]
        self.assertTrue(self._json2(self.admin, "realty.access.log", "read", ids=entry.ids, fields=["new_value"]).ok)
        for method, params in (("write", {"vals": {"new_value": "Administrator"}}), ("unlink", {})):
            with self.subTest(method=method):
                response = self._json2(self.admin, "realty.access.log", method, ids=entry.ids, **params)
                self.assertEqual(response.status_code, 403, response.text[:300])
        self.assertEqual(entry.new_value, "Finance")

    def test_even_the_superuser_keeps_the_log(self):
        self.salesperson.with_user(self.admin)._set_realty_role(self._role("finance"))
        entry = self._log_of(self.salesperson)[:1]
        with self.assertRaises(UserError):
            entry.sudo().write({"new_value": "Administrator"})
        with self.assertRaises(UserError):
            entry.sudo().unlink()

    def test_others_cannot_read_the_log(self):
        self.salesperson.with_user(self.admin)._set_realty_role(self._role("finance"))
        self.assertFalse(self.env["realty.access.log"].with_user(self.manager).has_access("read"))
