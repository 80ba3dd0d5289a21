from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from .common import VALID_ID_CARD, RealtyContractCase
from odoo.addons.realty_base.tests.access_matrix import AccessMatrixMixin, Probe


class RealtyContractAccessCase(RealtyContractCase):
    """RealtyContractCase plus a colleague and an employee without a realty role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_salesperson = cls._create_realty_user("realty_sales_2", "realty_base.group_realty_salesperson")
        cls.employee = new_test_user(cls.env, login="plain_employee", groups="base.group_user")

    def _contract_of(self, owner, sign=False):
        """A contract of ``owner`` on the test unit, made as superuser from a confirmed reservation."""
        reservation = self.env["realty.reservation"].create(
            {
                "unit_id": self.unit.id,
                "partner_id": self.customer.id,
                "payment_plan_id": self.plan_mortgage.id,
                "deposit_amount": 50000.0,
                "user_id": owner.id,
            }
        )
        reservation.action_confirm()
        contract = self.env["realty.contract"].browse(reservation.action_create_contract()["res_id"])
        if sign:
            contract.buyer_ids.write({"id_number": VALID_ID_CARD})
            contract.action_sign()
        return contract


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixMixin, RealtyContractAccessCase):
    """Who may read, write, create and delete contracts, their buyers and their schedules (records of company 1).

    Creating a contract is an action of its reservation (a direct create is refused to everyone, see
    test_contract), and installments change only through the contract's actions: both are tested there."""

    ROLES = ("salesperson", "manager", "finance", "executive", "admin", "employee", "user_company_b")
    # fmt: off
    MATRIX = [
        # probe                                  salesperson manager finance executive admin  employee user_company_b
        ("realty.contract: their own",           "rw",       "rwu",  "r",    "r",      "rwu", "-",     "-"),
        ("realty.contract: a colleague's",       "-",        "rwu",  "r",    "r",      "rwu", "-",     "-"),
        ("realty.contract.buyer: their own",     "rwcu",     "rwcu", "r",    "r",      "rwcu", "-",    "-"),
        ("realty.contract.buyer: a colleague's", "-",        "rwcu", "r",    "r",      "rwcu", "-",    "-"),
        ("realty.installment: their own",        "r",        "r",    "r",    "r",      "r",   "-",     "-"),
        ("realty.installment: a colleague's",    "-",        "r",    "r",    "r",      "r",   "-",     "-"),
    ]
    # fmt: on

    def test_access_matrix(self):
        self._check_access_matrix()

    def _access_probes(self):
        own = lambda user: user  # noqa: E731
        colleague = lambda user: self.other_salesperson  # noqa: E731
        return {
            "realty.contract: their own": self._contract_probe(own),
            "realty.contract: a colleague's": self._contract_probe(colleague),
            "realty.contract.buyer: their own": self._buyer_probe(own),
            "realty.contract.buyer: a colleague's": self._buyer_probe(colleague),
            "realty.installment: their own": self._installment_probe(own),
            "realty.installment: a colleague's": self._installment_probe(colleague),
        }

    def _contract_probe(self, owner):
        return Probe(
            "realty.contract",
            record=lambda user: self._contract_of(owner(user)),
            read=("name", "price", "state", "buyer_ids", "installment_ids"),
            write={"note": "Signs on Saturday"},
        )

    def _buyer_probe(self, owner):
        return Probe(
            "realty.contract.buyer",
            record=lambda user: self._contract_of(owner(user)).buyer_ids,
            read=("partner_id", "id_number", "share"),
            write={"phone": "13800138000"},
            create=lambda user: {
                "contract_id": self._contract_of(owner(user)).id,
                "partner_id": self.customer.id,
                "share": 0.0,
            },
        )

    def _installment_probe(self, owner):
        return Probe(
            "realty.installment",
            record=lambda user: self._contract_of(owner(user), sign=True).installment_ids[:1],
            read=("name", "kind", "date_due", "amount"),
            unlink=False,
        )


@tagged("post_install", "-at_install")
class TestContractAccess(RealtyContractAccessCase):
    """What the matrix cannot show: the actions, per role."""

    def test_salesperson_signs_their_own_contract_without_unit_rights(self):
        contract = self._signed_contract()
        self.assertEqual(contract.state, "signed")
        self.assertEqual(self.unit.state, "contracted")

    def test_salesperson_cannot_make_a_contract_of_a_colleagues_reservation(self):
        reservation = self._confirmed_reservation(user=self.other_salesperson)
        with self.assertRaises(AccessError):
            reservation.with_user(self.salesperson).action_create_contract()
        self.assertEqual(reservation.state, "confirmed")

    def test_salespeople_see_only_their_own_contracts(self):
        mine = self._draft_contract()
        unit_2 = self._create_unit(12, 2)
        unit_2.action_release()
        theirs = self._draft_contract(unit=unit_2, user=self.other_salesperson)
        visible = self.env["realty.contract"].with_user(self.salesperson).search([])
        self.assertIn(mine, visible)
        self.assertNotIn(theirs, visible)
        for user in (self.manager, self.finance, self.executive):
            with self.subTest(user=user.login):
                visible = self.env["realty.contract"].with_user(user).search([])
                self.assertEqual(visible & (mine | theirs), mine | theirs)

    def test_finance_and_executives_cannot_act(self):
        contract = self._draft_contract()
        for user in (self.finance, self.executive):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                contract.with_user(user).action_sign()
        self.assertEqual(contract.state, "draft")

    def test_other_company_manager_can_neither_see_nor_terminate(self):
        contract = self._signed_contract()
        contract.write({"termination_reason": "Test"})
        other = self.env["realty.contract"].with_user(self.user_company_b)
        self.assertFalse(other.search([("id", "=", contract.id)]))
        with self.assertRaises(AccessError):
            contract.with_user(self.user_company_b).action_terminate()
        self.assertEqual(contract.state, "signed")

    def test_every_role_opens_the_forms(self):
        contract = self._signed_contract()
        for user in (self.salesperson, self.manager, self.finance, self.executive):
            with self.subTest(user=user.login):
                form = Form(contract.with_user(user))
                self.assertEqual(form.price, 2_000_000.0)
                self.assertEqual(len(form.installment_ids), 3)
                self.assertEqual(len(form.buyer_ids), 1)
                reservation = Form(contract.reservation_id.with_user(user))
                self.assertEqual(reservation.contract_count, 1)
