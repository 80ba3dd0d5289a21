from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.tests import HttpCase, new_test_user

from odoo.addons.realty_finance.tests.common import RealtyFinanceCase


class RealtyPortalUsersCase(HttpCase, RealtyFinanceCase):
    """Three portal users: the buyer, a co-buyer and another buyer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.co_buyer = cls.env["res.partner"].create({"name": "Li Na"})
        cls.other_buyer = cls.env["res.partner"].create({"name": "Wang Fang"})
        cls.portal_buyer = cls._portal_user("buyer", cls.customer)
        cls.portal_co_buyer = cls._portal_user("cobuyer", cls.co_buyer)
        cls.portal_other = cls._portal_user("otherbuyer", cls.other_buyer)

    @classmethod
    def _portal_user(cls, login, partner):
        return new_test_user(
            cls.env, login=login, password=f"{login}-pw-12", groups="base.group_portal", partner_id=partner.id
        )

    def _get(self, url, user=None, **kwargs):
        if user:
            self.authenticate(user.login, f"{user.login}-pw-12")
        return self.url_open(url, allow_redirects=False, **kwargs)

    def _released_unit(self, position, floor=14):
        unit = self._create_unit(floor, position)
        unit.action_release()
        return unit


class RealtyPortalCase(RealtyPortalUsersCase):
    """The buyer is the main buyer of a contract with the co-buyer; the other buyer has a contract of their own.
    The schedules were billed 40 days ago: the deposit paid, the rest open, the first installment overdue."""

    def setUp(self):
        super().setUp()
        signed_on = fields.Date.today() - timedelta(days=40)
        with freeze_time(signed_on):
            self.contract = self._contract_with_co_buyer()
            self.other_contract = self._signed_installment_contract(
                unit=self._released_unit(2), partner_id=self.other_buyer.id
            )
            self.company.realty_invoice_lead_days = 400
            self.env["realty.installment"]._cron_bill_due_installments()
            self.receipt = self._receive(self.contract, 50000.0)  # the deposit
            self.other_receipt = self._receive(self.other_contract, 50000.0)

    def _contract_with_co_buyer(self):
        contract = self._draft_contract(payment_plan_id=self.plan_installment.id)
        contract.buyer_ids.write({"share": 60.0})
        contract.write({"buyer_ids": [self._add_buyer_command(self.co_buyer, 40.0)]})
        contract.buyer_ids.write({"id_number": "11010519491231002X"})
        contract.action_sign()
        return contract.with_env(self.env)
