from datetime import date

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged
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

    def test_fixed_amounts_come_first_and_shares_split_the_rest(self):
        plan = self.env["realty.payment.plan"].create(
            {
                "name": "Deposit then shares",
                "kind": "installment",
                "line_ids": [
                    Command.create(
                        {
                            "name": "Deposit",
                            "payment_kind": "deposit",
                            "amount_type": "fixed",
                            "fixed_amount": 50000,
                            "sequence": 1,
                        }
                    ),
                    Command.create({"name": "Down", "share": 30, "sequence": 2}),
                    Command.create(
                        {"name": "Rest", "share": 70, "offset_value": 6, "offset_unit": "months", "sequence": 3}
                    ),
                ],
            }
        )
        schedule = plan._compute_schedule(1_050_000.0, date(2026, 1, 31))
        self.assertEqual([item["amount"] for item in schedule], [50000.0, 300000.0, 700000.0])
        self.assertEqual(schedule[2]["date_due"], date(2026, 7, 31))
        self.assertEqual(sum(item["amount"] for item in schedule), 1_050_000.0)

    def test_last_share_absorbs_rounding(self):
        plan = self._create_plan("Thirds", "installment", shares=[33.33, 33.33, 33.34])
        schedule = plan._compute_schedule(1000.01, date(2026, 1, 1))
        self.assertAlmostEqual(sum(item["amount"] for item in schedule), 1000.01, places=2)

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
