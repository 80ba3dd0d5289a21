from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .payables_common import RealtyPayablesCase
from odoo.addons.realty_base.tests.access_matrix import AccessMatrixMixin, Probe


class RealtyPayablesAccessCase(RealtyPayablesCase):
    """Salespeople see the agency on their documents and the mortgage stage of their own contracts, never what an
    agency earns nor the refund settlements; sales managers read commissions (they negotiate with agencies);
    finance does the payables and the mortgages; executives read everything."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_salesperson = cls._create_realty_user("realty_sales_2", "realty_base.group_realty_salesperson")
        cls.env["realty.commission.rule"].create({"project_id": cls.project.id, "percent": 1.0})

    def _loan_contract_of(self, owner, unit=None):
        """A signed loan contract of ``owner`` with an agency (made as superuser): a mortgage and a commission."""
        reservation = self.env["realty.reservation"].create(
            {
                "unit_id": (unit or self.unit).id,
                "partner_id": self.customer.id,
                "payment_plan_id": self.plan_loan.id,
                "deposit_amount": 50000.0,
                "user_id": owner.id,
                "agency_id": self.agency.id,
            }
        )
        reservation.action_confirm()
        contract = self.env["realty.contract"].browse(reservation.action_create_contract()["res_id"])
        contract.buyer_ids.write({"id_number": "11010519491231002X"})
        contract.action_sign()
        return contract

    def _refunded_contract(self):
        contract = self._loan_contract_of(self.salesperson)
        self._receive(contract.reservation_id, 50000.0)
        self._terminate(contract)
        contract.with_user(self.finance).action_refund()
        return contract


@tagged("post_install", "-at_install")
class TestPayablesAccessMatrix(AccessMatrixMixin, RealtyPayablesAccessCase):
    ROLES = ("salesperson", "manager", "finance", "executive", "admin")
    # fmt: off
    MATRIX = [
        # probe                               salesperson manager finance executive admin
        ("realty.mortgage: their own",        "r",        "r",    "rw",   "r",      "rw"),
        ("realty.mortgage: a colleague's",    "-",        "r",    "rw",   "r",      "rw"),
        ("realty.commission",                 "-",        "r",    "r",    "r",      "r"),
        ("realty.commission.rule",            "-",        "r",    "r",    "r",      "rwcu"),
        ("realty.refund",                     "-",        "-",    "r",    "r",      "r"),
    ]
    # fmt: on

    def test_access_matrix(self):
        self._check_access_matrix()

    def _access_probes(self):
        return {
            "realty.mortgage: their own": self._mortgage_probe(lambda user: user),
            "realty.mortgage: a colleague's": self._mortgage_probe(lambda user: self.other_salesperson),
            "realty.commission": Probe(
                "realty.commission",
                record=lambda user: self._loan_contract_of(self.salesperson).sudo().commission_ids,
                read=("agency_id", "amount", "state"),
            ),
            "realty.commission.rule": Probe(
                "realty.commission.rule",
                record=lambda user: self.env["realty.commission.rule"].create(
                    {"project_id": self.project.id, "percent": 2.0}
                ),
                read=("agency_id", "percent", "trigger"),
                write={"percent": 1.5},
                create=lambda user: {"project_id": self.project.id, "fixed_amount": 5000.0, "amount_type": "fixed"},
            ),
            "realty.refund": Probe(
                "realty.refund",
                record=lambda user: self._refunded_contract().sudo().refund_ids,
                read=("amount_received", "amount_forfeit", "amount_refund"),
            ),
        }

    def _mortgage_probe(self, owner):
        return Probe(
            "realty.mortgage",
            record=lambda user: self._loan_contract_of(owner(user)).mortgage_id,
            read=("stage", "lender_id", "loan_amount", "date_stage"),
            write={"note": "Bank statement missing"},
            unlink=True,
        )


@tagged("post_install", "-at_install")
class TestPayablesAccess(RealtyPayablesAccessCase):
    """The actions per role, and direct writes of what only actions write (as a JSON-RPC call would send them)."""

    def test_salesperson_reads_agency_and_mortgage_stage_of_own_contract(self):
        contract = self._loan_contract_of(self.salesperson).with_user(self.salesperson)
        self.assertEqual(contract.agency_id, self.agency)
        self.assertEqual((contract.mortgage_stage, contract.mortgage_loan_amount), ("collecting", 1365000.0))
        self.assertEqual(contract.mortgage_id.stage, "collecting")
        with self.assertRaises(AccessError):
            contract.commission_ids.read(["amount"])
        with self.assertRaises(AccessError):
            self.env["realty.commission"].with_user(self.salesperson).search([])
        with self.assertRaises(AccessError):
            contract.mortgage_id.action_submit()
        self.assertEqual(contract.mortgage_stage, "collecting")

    def test_only_finance_moves_the_mortgage_and_bills_commissions(self):
        contract = self._loan_contract_of(self.salesperson)
        for user in (self.salesperson, self.manager, self.executive):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    contract.mortgage_id.with_user(user).action_submit()
                if user != self.salesperson:
                    with self.assertRaises(AccessError):
                        contract.commission_ids.with_user(user).action_bill()
        contract.mortgage_id.with_user(self.finance).action_submit()
        contract.commission_ids.with_user(self.finance).action_bill()
        self.assertEqual(contract.mortgage_id.stage, "submitted")
        self.assertEqual(contract.commission_ids.state, "billed")

    def test_executive_reads_all_payables(self):
        contract = self._refunded_contract()
        as_exec = contract.with_user(self.executive)
        self.assertEqual(as_exec.refund_ids.amount_forfeit, 50000.0)
        self.assertEqual(as_exec.commission_ids.state, "cancelled")
        self.assertEqual(as_exec.mortgage_id.stage, "collecting")
        with self.assertRaises(AccessError):
            as_exec.mortgage_id.write({"note": "Executives read only"})

    def test_direct_writes_of_what_actions_write_are_refused(self):
        contract = self._loan_contract_of(self.salesperson)
        mortgage = contract.mortgage_id.with_user(self.finance)
        for values in ({"stage": "disbursed"}, {"date_approved": "2026-01-01"}, {"reminded_stage": "collecting"}):
            with self.subTest(values=values), self.assertRaises(UserError):
                mortgage.write(values)
        with self.assertRaises(UserError):
            self.env["realty.mortgage"].with_user(self.finance).create({"contract_id": contract.id})

        commission = contract.commission_ids.with_user(self.finance)
        for values in ({"percent": 5.0}, {"agency_id": self.bank.id}, {"bill_id": False}):
            with self.subTest(values=values), self.assertRaises(UserError):
                commission.write(values)

        with self.assertRaises(UserError):
            self.env["realty.refund"].with_user(self.finance).create(contract._prepare_refund_values(0.0, 0.0))
        with self.assertRaises(UserError):
            contract.with_user(self.salesperson).write({"agency_id": self.bank.id})
        self.assertEqual((mortgage.stage, commission.percent, contract.agency_id), ("collecting", 1.0, self.agency))

    def test_disbursed_mortgage_terms_are_frozen(self):
        mortgage = self._loan_contract_of(self.salesperson).mortgage_id.with_user(self.finance)
        mortgage.action_submit()
        mortgage.action_approve()
        action = mortgage.action_register_disbursement()
        wizard = self.env["realty.payment.receive"].with_user(self.finance).with_context(action["context"]).create({})
        wizard.action_confirm()
        with self.assertRaises(UserError):
            mortgage.write({"loan_amount": 1.0})

    def test_agency_is_frozen_on_a_confirmed_reservation(self):
        reservation = self._confirmed_reservation(payment_plan_id=self.plan_installment.id, agency_id=self.agency.id)
        with self.assertRaises(UserError):
            reservation.with_user(self.salesperson).write({"agency_id": self.bank.id})

    def test_every_role_opens_the_forms(self):
        contract = self._refunded_contract()  # terminated and refunded, with a mortgage and a commission
        lead = self.env["crm.lead"].create(
            {"name": "Chen Jie", "user_id": self.salesperson.id, "agency_id": self.agency.id}
        )
        for user in (self.salesperson, self.manager, self.finance, self.executive):
            with self.subTest(user=user.login):
                form = Form(contract.with_user(user))
                self.assertEqual((form.agency_id, form.mortgage_stage), (self.agency, "collecting"))
                self.assertEqual((form.amount_received, form.amount_refund_due), (50000.0, 0.0))
                Form(contract.reservation_id.with_user(user))
                Form(contract.mortgage_id.with_user(user))
                Form(self.project.with_user(user))
                self.assertEqual(Form(lead.with_user(user)).agency_id, self.agency)
        for user in (self.manager, self.finance, self.executive):
            with self.subTest(user=user.login):
                self.assertEqual(Form(contract.commission_ids.with_user(user)).state, "cancelled")
        for user in (self.finance, self.executive):
            with self.subTest(user=user.login):
                self.assertEqual(Form(contract.refund_ids.with_user(user)).amount_forfeit, 50000.0)
