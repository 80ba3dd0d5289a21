import html
import re
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import MockEmail
from odoo.addons.realty_contract.tests.common import RealtyContractCase


@tagged("post_install", "-at_install")
class TestPortalInvite(RealtyContractCase, MockEmail):
    """邀请客户: the salesperson invites the buyers of a signed contract to the portal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.email = "chen.jie@example.com"

    def _invitations_to(self, email):
        return [mail for mail in self._mails if any(email in address for address in mail["email_to"])]

    def test_salesperson_invites_the_buyer(self):
        contract = self._signed_contract()
        self.assertFalse(self.customer.user_ids)
        with self.mock_mail_gateway():
            contract.with_user(self.salesperson).action_portal_invite()
        user = self.customer.with_context(active_test=False).user_ids
        self.assertEqual(len(user), 1)
        self.assertTrue(user._is_portal())
        [mail] = self._invitations_to("chen.jie@example.com")
        self.assertIn("signup", mail["body"])  # the link to choose a password
        self.assertIn("Portal invitation sent to Chen Jie", contract.message_ids[0].body)
        # the buyer now reads their contract as themselves
        self.assertEqual(contract.with_user(user).search([]), contract)

    def test_second_invitation_does_nothing(self):
        contract = self._signed_contract()
        with self.mock_mail_gateway():
            self.assertEqual(contract._portal_invite(), self.customer)
            self.assertFalse(contract._portal_invite())
        self.assertEqual(len(self.customer.user_ids), 1)
        self.assertEqual(len(self._invitations_to("chen.jie@example.com")), 1)

    def test_buyer_without_email_is_refused_and_nothing_is_made(self):
        self.customer.email = False
        contract = self._signed_contract()
        with self.assertRaisesRegex(UserError, "Chen Jie"):
            contract.with_user(self.salesperson).action_portal_invite()
        self.assertFalse(self.customer.with_context(active_test=False).user_ids)

    def test_who_cannot_edit_the_contract_cannot_invite(self):
        contract = self._signed_contract()
        with self.assertRaises(AccessError):
            contract.with_user(self.finance).action_portal_invite()
        self.assertFalse(self.customer.with_context(active_test=False).user_ids)


@tagged("post_install", "-at_install")
class TestPortalInviteSignup(HttpCase, RealtyContractCase, MockEmail):
    """The invited buyer follows the mail's link, chooses a password and finds their contract; a tampered or expired
    link is refused."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.email = "chen.jie@example.com"

    def setUp(self):
        super().setUp()
        self.contract = self._signed_contract()
        with self.mock_mail_gateway():
            self.contract._portal_invite()
        [mail] = self._mails
        self.token = re.search(r"token=([\w.-]+)", html.unescape(mail["body"])).group(1)

    def _signup_form(self, token):
        response = self.url_open(f"/web/signup?token={token}")
        self.assertEqual(response.status_code, 200)
        return response.text

    def test_buyer_sets_password_and_sees_the_contract(self):
        page = self._signup_form(self.token)
        self.assertNotIn("Invalid signup token", page)
        self.assertIn("chen.jie@example.com", page)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        data = {
            "csrf_token": csrf,
            "token": self.token,
            "login": "chen.jie@example.com",
            "name": "Chen Jie",
            "password": "a-new-password-7",
            "confirm_password": "a-new-password-7",
        }
        self.url_open("/web/signup", data=data)
        self.authenticate("chen.jie@example.com", "a-new-password-7")
        response = self.url_open(f"/my/realty/contract/{self.contract.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.contract.name, response.text)

    def test_tampered_token_refused(self):
        tampered = self.token[:-3] + ("aaa" if not self.token.endswith("aaa") else "bbb")
        self.assertIn("Invalid signup token", self._signup_form(tampered))

    def test_expired_token_refused(self):
        with freeze_time(datetime.now() + timedelta(days=30)):
            self.assertIn("Invalid signup token", self._signup_form(self.token))
