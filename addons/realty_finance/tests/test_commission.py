import psycopg2

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .payables_common import RealtyPayablesCase


@tagged("post_install", "-at_install")
class TestCommission(RealtyPayablesCase):
    def _rule(self, trigger="signing", percent=0.0, fixed=0.0, agency=None):
        return self.env["realty.commission.rule"].create(
            {
                "project_id": self.project.id,
                "agency_id": agency.id if agency else False,
                "amount_type": "fixed" if fixed else "percent",
                "percent": percent,
                "fixed_amount": fixed,
                "trigger": trigger,
            }
        )

    def _agency_contract(self, **values):
        contract = self._signed_contract(payment_plan_id=self.plan_installment.id, agency_id=self.agency.id, **values)
        return contract.with_env(self.env)

    def _bill_commissions(self):
        self.env["realty.commission"]._cron_bill_due()

    def test_agency_follows_the_lead_to_the_contract(self):
        lead = (
            self.env["crm.lead"]
            .with_user(self.salesperson)
            .create({"name": "Chen Jie", "partner_id": self.customer.id, "agency_id": self.agency.id})
        )
        reservation = self._confirmed_reservation(lead_id=lead.id, payment_plan_id=self.plan_installment.id)
        self.assertEqual(reservation.agency_id, self.agency)
        action = reservation.with_user(self.salesperson).action_create_contract()
        contract = self.env["realty.contract"].browse(action["res_id"])
        self.assertEqual(contract.agency_id, self.agency)

    def test_signing_commission_billed_once(self):
        self._rule(percent=1.5)
        contract = self._agency_contract()
        commission = contract.commission_ids
        self.assertEqual((commission.state, commission.amount), ("due", 30000.0), "1.5 % of 2,000,000")

        self._bill_commissions()
        self._bill_commissions()  # a second run bills nothing new
        bill = commission.bill_id
        self.assertEqual(len(bill), 1)
        self.assertEqual((bill.move_type, bill.state, bill.partner_id), ("in_invoice", "posted", self.agency))
        self.assertEqual(bill.amount_total, 30000.0)
        self.assertIn(contract.name, bill.invoice_line_ids.name)
        self.assertEqual(self.env["account.move"].search_count([("partner_id", "=", self.agency.id)]), 1)
        self.assertEqual((commission.state, commission.amount_residual), ("billed", 30000.0))
        with self.assertRaisesRegex(UserError, "None of these"):
            commission.with_user(self.finance).action_bill()

    def test_first_payment_commission_waits_for_the_down_payment(self):
        self._rule(trigger="first_payment", fixed=10000.0)
        contract = self._agency_contract()
        commission = contract.commission_ids
        self.assertEqual((commission.state, commission.amount), ("pending", 10000.0))
        self.env["realty.installment"]._cron_bill_due_installments()  # the deposit and the first installment
        self._receive(contract, 50000.0)  # the deposit only
        self._bill_commissions()
        self.assertEqual(commission.state, "pending")
        self.assertFalse(commission.bill_id)

        self._receive(contract, 780000.0)  # the first installment after the deposit (首付款)
        self.assertEqual(commission.state, "due")
        self._bill_commissions()
        self.assertEqual(commission.bill_id.amount_total, 10000.0)

    def test_full_payment_commission_waits_for_the_whole_schedule(self):
        self._rule(trigger="full_payment", percent=1.0)
        contract = self._agency_contract()
        commission = contract.commission_ids
        self._bill_all()
        self._receive(contract, 1000000.0)
        self._bill_commissions()
        self.assertEqual(commission.state, "pending")
        self._receive(contract, 1000000.0)
        self.assertEqual(commission.state, "due")
        self._bill_commissions()
        self.assertEqual(commission.bill_id.amount_total, 20000.0)

    def test_staged_rules_and_the_agency_own_rules(self):
        self._rule(percent=1.0)
        self._rule(trigger="full_payment", percent=1.0)
        other_agency = self.env["res.partner"].create({"name": "Other Agency", "is_company": True})
        self._rule(fixed=8000.0, agency=other_agency)
        contract = self._agency_contract()
        self.assertEqual(sorted(contract.commission_ids.mapped("trigger")), ["full_payment", "signing"])

        own = self._rule(fixed=12000.0, agency=self.agency)
        unit = self._available_unit()
        second = self._agency_contract(unit=unit)
        self.assertEqual(second.commission_ids.rule_id, own, "the agency's own rule replaces the general ones")
        self.assertEqual(second.commission_ids.amount, 12000.0)

    def test_no_agency_no_commission(self):
        self._rule(percent=1.0)
        contract = self._signed_contract(payment_plan_id=self.plan_installment.id).with_env(self.env)
        self.assertFalse(contract.commission_ids)

    def test_commission_of_a_terminated_contract_is_cancelled_unless_billed(self):
        self._rule(trigger="first_payment", percent=1.0)
        self._rule(percent=0.5)
        contract = self._agency_contract()
        self._bill_commissions()
        self._terminate(contract)
        states = {commission.trigger: commission.state for commission in contract.commission_ids}
        self.assertEqual(states, {"first_payment": "cancelled", "signing": "billed"})

    def test_paid_bill_marks_the_commission_paid(self):
        self._rule(percent=1.0)
        commission = self._agency_contract().commission_ids
        self._bill_commissions()
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=commission.bill_id.ids
        ).create({"amount": 20000.0})._create_payments()
        self.assertEqual((commission.state, commission.amount_residual), ("paid", 0.0))

    def test_one_commission_per_contract_and_rule_by_the_database(self):
        rule = self._rule(percent=1.0)
        contract = self._agency_contract()
        values = self.env["realty.commission"]._prepare_values(contract, rule)
        with self.assertRaises(psycopg2.errors.UniqueViolation), self.cr.savepoint(), mute_logger("odoo.sql_db"):
            self.env["realty.commission"].sudo()._action_env().create(values)
            self.env.flush_all()

    def test_payables_by_agency(self):
        self._rule(percent=1.0)
        self._agency_contract()
        self._agency_contract(unit=self._available_unit())
        self._bill_commissions()
        groups = (
            self.env["realty.commission"]
            .with_user(self.finance)
            ._read_group(
                [("agency_id", "=", self.agency.id)], ["agency_id", "state"], ["amount_residual:sum", "__count"]
            )
        )
        self.assertEqual(groups, [(self.agency, "billed", 40000.0, 2)])
