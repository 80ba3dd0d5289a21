from datetime import date

import psycopg2
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import RealtyFinanceCase

SIGNED_ON = date(2026, 1, 15)  # deposit (50,000) and first installment (780,000) due that day
RATE = 0.05 / 100  # the default daily rate


@tagged("post_install", "-at_install")
class TestLateFee(RealtyFinanceCase):
    """违约金: the open amount × the daily rate for each day overdue in a calendar month, billed once."""

    def setUp(self):
        super().setUp()
        with freeze_time(SIGNED_ON):
            self.contract = self._signed_installment_contract()
            self.env["realty.installment"]._cron_bill_due_installments()  # deposit and first installment
        self.deposit, self.first, self.second = self.contract.installment_ids[:3]

    def _bill(self, on, user=None):
        with freeze_time(on):
            return self.contract.with_user(user or self.finance).action_bill_late_fees()

    def _fees(self):
        return self.env["realty.late.fee"].search([("contract_id", "=", self.contract.id)])

    def test_month_billed_once(self):
        self._bill(date(2026, 3, 1))  # February: 28 days, both installments overdue all month
        fee = self._fees()
        self.assertEqual((fee.period_start, fee.period_end), (date(2026, 2, 1), date(2026, 2, 28)))
        self.assertAlmostEqual(fee.amount, 830000.0 * RATE * 28)  # 11,620.00
        invoice = fee.move_id
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.move_type, "out_invoice")
        self.assertEqual(invoice.partner_id, self.contract.partner_id)
        self.assertEqual(invoice.amount_total, fee.amount)
        self.assertEqual(
            sorted(invoice.invoice_line_ids.mapped("price_unit")), [50000.0 * RATE * 28, 780000.0 * RATE * 28]
        )
        self.assertIn(self.first.name, " ".join(invoice.invoice_line_ids.mapped("name")))
        # the contract shows it; no installment takes it for its own invoice
        self.assertIn(invoice, self.contract.invoice_ids)
        self.assertFalse(invoice.realty_installment_id)
        self.assertNotIn(invoice, self.contract.installment_ids.move_id)
        self.assertEqual(self.first.billing_state, "invoiced")
        self.assertEqual(self.contract.late_fee_count, 1)

        with self.assertRaisesRegex(UserError, "No late fee to bill"):
            self._bill(date(2026, 3, 20))
        with freeze_time(date(2026, 3, 2)):
            self.env["realty.late.fee"].sudo()._cron_bill_late_fees()
        self.assertEqual(self._fees(), fee, "a second run bills nothing new")
        self.assertEqual(len(self.contract.invoice_ids), 3)

    def test_month_in_which_it_fell_due(self):
        self._bill(date(2026, 2, 1))  # January: overdue from the 16th to the 31st
        self.assertAlmostEqual(self._fees().amount, 830000.0 * RATE * 16)  # 6,640.00

    def test_partial_payment_lowers_the_base_from_its_date(self):
        with freeze_time(date(2026, 2, 11)):
            self._receive(self.contract, 300000.0)  # the deposit, and 250,000 of the first installment
        self._bill(date(2026, 3, 1))
        deposit_fee = 50000.0 * 10 * RATE  # 1–10 February
        first_fee = (780000.0 * 10 + 530000.0 * 18) * RATE  # then 530,000 open from the 11th to the 28th
        self.assertAlmostEqual(self._fees().amount, deposit_fee + first_fee)  # 250.00 + 8,670.00

    def test_nothing_overdue_nothing_billed(self):
        with freeze_time(date(2026, 1, 20)):
            self._receive(self.contract, 830000.0)
        with self.assertRaisesRegex(UserError, "No late fee to bill"):
            self._bill(date(2026, 3, 1))
        self.assertFalse(self._fees())

    def test_rate_is_a_company_setting(self):
        self.company.realty_late_fee_rate = 0.1
        self._bill(date(2026, 3, 1))
        self.assertAlmostEqual(self._fees().amount, 830000.0 * 0.001 * 28)
        self.company.realty_late_fee_rate = 0.0
        with freeze_time(date(2026, 4, 1)), self.assertRaisesRegex(UserError, "No late fee to bill"):
            self.contract.with_user(self.finance).action_bill_late_fees()

    def test_monthly_cron_and_list_button(self):
        with freeze_time(date(2026, 3, 1)):
            self.env["realty.late.fee"].sudo()._cron_bill_late_fees()
        self.assertEqual(self._fees().period_start, date(2026, 2, 1))
        with freeze_time(date(2026, 4, 1)):
            self.env["realty.late.fee"].with_user(self.finance).action_bill_last_month()
        self.assertEqual(self._fees().mapped("period_start"), [date(2026, 3, 1), date(2026, 2, 1)])

    def test_database_bills_a_month_once(self):
        """Even code that skips every check cannot record a contract's month twice."""
        self._bill(date(2026, 3, 1))
        fee = self._fees()
        with self.assertRaises(psycopg2.errors.UniqueViolation), self.cr.savepoint(), mute_logger("odoo.sql_db"):
            self.env["realty.late.fee"]._action_env().create(
                {
                    "contract_id": self.contract.id,
                    "partner_id": fee.partner_id.id,
                    "period_start": fee.period_start,
                    "period_end": fee.period_end,
                }
            )

    def test_deleted_only_with_its_invoice_cancelled(self):
        self._bill(date(2026, 3, 1))
        fee = self._fees().with_user(self.finance)
        with self.assertRaisesRegex(UserError, "Cancel the invoice"):
            fee.unlink()
        fee.move_id.button_draft()
        fee.move_id.button_cancel()
        fee.unlink()
        self._bill(date(2026, 3, 1))
        self.assertEqual(len(self._fees()), 1, "the month can be billed again")

    def test_direct_writes_refused(self):
        self._bill(date(2026, 3, 1))
        with self.assertRaisesRegex(UserError, "only through the document's actions"):
            self._fees().with_user(self.finance).write({"amount": 1.0})

    def test_access_per_role(self):
        with self.assertRaises(AccessError):
            self._bill(date(2026, 3, 1), user=self.salesperson)
        with self.assertRaises(AccessError):
            self._bill(date(2026, 3, 1), user=self.executive)
        self.assertFalse(self._fees())
        self._bill(date(2026, 3, 1), user=self.finance)
        fee = self._fees()
        for user in (self.salesperson, self.executive, self.manager):
            self.assertEqual(fee.with_user(user).read(["amount"])[0]["amount"], fee.amount, user.login)
        other = self._create_realty_user("realty_sales_3", "realty_base.group_realty_salesperson")
        self.assertFalse(self.env["realty.late.fee"].with_user(other).search([("id", "=", fee.id)]))
