from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import RealtyFinanceCase

AMOUNT = "amount_company_currency_signed:sum"


@tagged("post_install", "-at_install")
class TestPaymentsReceived(RealtyFinanceCase):
    """收款明细: every payment received for a contract or a reservation, totalled per project, contract, customer,
    method, day and cashier; finance and executives read it, salespeople have no accounting right."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.second_project = cls.env["realty.project"].create({"name": "River Court", "code": "RC"})
        building = cls.env["realty.building"].create(
            {
                "project_id": cls.second_project.id,
                "name": "Tower A",
                "code": "A",
                "floor_count": 10,
                "position_count": 2,
            }
        )
        cls.river_unit = cls._create_unit(3, 1, building=building)
        cls.river_unit.action_release()

    def _received(self, user, groupby, payments):
        """The payments-received screen's totals, as ``user`` sees them."""
        action = self.env.ref("realty_finance.realty_payment_action")
        domain = safe_eval(action.domain) + [("state", "in", ("in_process", "paid")), ("id", "in", payments.ids)]
        groups = self.env["account.payment"].with_user(user).formatted_read_group(domain, groupby, [AMOUNT])
        return {self._key(group[groupby[0]]): group[AMOUNT] for group in groups}

    @staticmethod
    def _key(value):
        return value[0] if isinstance(value, (list, tuple)) else value

    def _payments(self):
        """Garden: 100,000 by bank and 5,000 cash on 2 March; River Court: a 50,000 deposit by POS on 3 March."""
        contract = self._signed_installment_contract()
        reservation = self._confirmed_reservation(unit=self.river_unit, payment_plan_id=self.plan_installment.id)
        payments = self._receive(contract, 100000.0, date=date(2026, 3, 2))
        payments |= self._receive(contract, 5000.0, date=date(2026, 3, 2), method="cash")
        payments |= self._receive(reservation, 50000.0, date=date(2026, 3, 3), method="pos")
        return contract, reservation, payments

    def test_totals_per_project_contract_method_day_and_cashier(self):
        contract, reservation, payments = self._payments()
        self.assertEqual(payments[2].realty_project_id, self.second_project, "a deposit counts for its unit's project")
        finance = self.finance
        self.assertEqual(
            self._received(finance, ["realty_project_id"], payments),
            {self.project.id: 105000.0, self.second_project.id: 50000.0},
        )
        self.assertEqual(
            self._received(finance, ["realty_contract_id"], payments), {contract.id: 105000.0, False: 50000.0}
        )
        self.assertEqual(self._received(finance, ["partner_id"], payments), {self.customer.id: 155000.0})
        self.assertEqual(
            self._received(finance, ["realty_method"], payments), {"bank": 100000.0, "cash": 5000.0, "pos": 50000.0}
        )
        by_day = self._received(finance, ["date:day"], payments)
        self.assertEqual(sorted(by_day.values()), [50000.0, 105000.0])
        self.assertEqual(self._received(finance, ["realty_cashier_id"], payments), {finance.id: 155000.0})

    def test_executives_read_the_list_and_salespeople_do_not(self):
        _contract, _reservation, payments = self._payments()
        self.assertEqual(self._received(self.executive, ["realty_project_id"], payments)[self.project.id], 105000.0)
        with self.assertRaises(AccessError):
            self._received(self.salesperson, ["realty_project_id"], payments)
