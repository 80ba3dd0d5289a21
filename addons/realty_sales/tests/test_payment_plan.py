from datetime import date

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from ..models.realty_payment_plan import annuity, principal_for
from .common import RealtySalesCase


@tagged("post_install", "-at_install")
class TestPaymentPlan(RealtySalesCase):
    def test_shares_must_total_100(self):
        with self.assertRaisesRegex(ValidationError, "total 90"):
            self._create_plan("Bad", "installment", shares=[40, 50])
        with self.assertRaisesRegex(ValidationError, "total 0"):
            self._create_plan("Empty", "full", shares=[])

    def test_changing_a_share_rechecks_the_total(self):
        with self.assertRaisesRegex(ValidationError, "total 110"):
            self.plan_installment.line_ids[0].share = 50

    def _plan_with_lines(self, name, lines):
        """A plan from (label, share or None, fixed amount or None) tuples, in this order."""
        return self.env["realty.payment.plan"].create(
            {
                "name": name,
                "kind": "installment",
                "line_ids": [
                    Command.create(
                        {
                            "name": label,
                            "sequence": sequence,
                            "amount_type": "percent" if fixed is None else "fixed",
                            "share": share or 0.0,
                            "fixed_amount": fixed or 0.0,
                            "offset_value": sequence,
                            "offset_unit": "months",
                        }
                    )
                    for sequence, (label, share, fixed) in enumerate(lines, 1)
                ],
            }
        )

    def _amounts(self, plan, price):
        return [item["amount"] for item in plan._compute_schedule(price, date(2026, 1, 31))]

    def test_schedule_is_the_price_whatever_the_order_of_lines(self):
        deposit, down, rest = ("Deposit", None, 50000.0), ("Down", 30.0, None), ("Rest", 70.0, None)
        for order, expected in [
            ((deposit, down, rest), [50000.0, 300000.0, 700000.0]),
            ((down, deposit, rest), [300000.0, 50000.0, 700000.0]),
            ((down, rest, deposit), [300000.0, 700000.0, 50000.0]),
        ]:
            with self.subTest(order=[line[0] for line in order]):
                plan = self._plan_with_lines("Deposit and shares", order)
                self.assertEqual(self._amounts(plan, 1_050_000.0), expected)

    def test_last_share_takes_the_rounding_even_before_a_fixed_line(self):
        plan = self._plan_with_lines(
            "Thirds", [("One", 33.33, None), ("Two", 33.33, None), ("Three", 33.34, None), ("Keys", None, 10000.0)]
        )
        # the shares split 1,224,567.89: 408,148.4777… twice, rounded, and what is left
        self.assertEqual(self._amounts(plan, 1_234_567.89), [408148.48, 408148.48, 408270.93, 10000.0])

    def test_schedule_keeps_each_line_due_date(self):
        plan = self._plan_with_lines("Dates", [("Down", 40.0, None), ("Rest", 60.0, None)])
        schedule = plan._compute_schedule(1_000_000.0, date(2026, 1, 31))
        self.assertEqual([item["date_due"] for item in schedule], [date(2026, 2, 28), date(2026, 3, 31)])

    def test_fixed_amounts_above_the_price_are_refused(self):
        plan = self._plan_with_lines(
            "Big deposits", [("Deposit", None, 60000.0), ("Keys", None, 50000.0), ("Balance", 100.0, None)]
        )
        for check in (plan._check_price_covers_fixed, lambda price: plan._compute_schedule(price, date(2026, 1, 1))):
            with self.assertRaisesRegex(UserError, r"Big deposits.*100,000\.00.*110,000\.00"):
                check(100_000.0)
        self.assertEqual(self._amounts(plan, 110_000.0), [60000.0, 50000.0, 0.0])

    def test_deleting_a_share_rechecks_the_total(self):
        plan = self.plan_installment.with_user(self.manager)
        with self.assertRaisesRegex(ValidationError, "total 60"), self.env.cr.savepoint():
            plan.line_ids[0].unlink()
        fixed = plan.line_ids.create({"plan_id": plan.id, "name": "Deposit", "amount_type": "fixed", "fixed_amount": 1})
        with self.assertRaisesRegex(ValidationError, "total 0"), self.env.cr.savepoint():
            (plan.line_ids - fixed).unlink()
        with self.assertRaisesRegex(ValidationError, "total 0"), self.env.cr.savepoint():
            plan.line_ids.unlink()
        plan.invalidate_recordset()
        self.assertEqual(len(plan.line_ids), 4)

    def test_a_client_context_does_not_skip_the_check(self):
        line = self.plan_installment.line_ids[0].with_user(self.manager)
        with self.assertRaisesRegex(ValidationError, "total 60"), self.env.cr.savepoint():
            line.with_context(realty_plan_lines=True).unlink()

    def test_moving_a_line_rechecks_the_plan_it_leaves(self):
        line = self.plan_installment.line_ids[0].with_user(self.manager)
        with self.assertRaisesRegex(ValidationError, "Installments total 60"), self.env.cr.savepoint():
            line.write({"plan_id": self.plan_full.id, "share": 0.0})

    def test_form_can_replace_and_rebalance_lines_in_one_save(self):
        with Form(self.plan_installment.with_user(self.manager)) as form:
            form.line_ids.remove(index=0)
            with form.line_ids.new() as line:
                line.name = "New down payment"
                line.share = 40.0
        self.assertEqual(self.plan_installment.line_ids.mapped("share"), [30.0, 30.0, 40.0])
        with Form(self.plan_installment.with_user(self.manager)) as form:
            for index, share in enumerate([25.0, 25.0, 50.0]):
                with form.line_ids.edit(index) as line:
                    line.share = share
        self.assertEqual(self.plan_installment.line_ids.mapped("share"), [25.0, 25.0, 50.0])

    def test_discount_and_range_constraints(self):
        self.assertEqual(self.plan_full._net_price(1_000_000.0), 980_000.0)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self.plan_full.discount = 120.0
            self.env.flush_all()

    def test_annuity_matches_bank_tables(self):
        # 1,000,000 over 30 years at 3.05 %: 4,243.05 a month (等额本息)
        self.assertAlmostEqual(annuity(1_000_000, 3.05, 30), 4243.05, delta=0.01)
        self.assertAlmostEqual(principal_for(annuity(700_000, 3.05, 30), 3.05, 30), 700_000, delta=0.01)
        self.assertEqual(annuity(0, 3.05, 30), 0.0)
