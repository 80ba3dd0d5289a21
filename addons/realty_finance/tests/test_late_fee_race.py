from datetime import timedelta

from odoo.tests import tagged
from odoo.tools import mute_logger

from .race_common import RealtyFinanceRaceCase


@tagged("post_install", "-at_install")
class TestLateFeeRace(RealtyFinanceRaceCase):
    """The monthly cron and a finance user's Bill Late Fees button run at the same moment on one contract: its
    month is billed once, by one invoice."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with cls.committed_env() as env:
            _reservation, contract = cls._committed_fixture(env, "Late Fee Race")
            # what fell due at signing fell due last month already; billed then, unpaid since
            period_start, _period_end = env["realty.late.fee"]._period()
            due_now = contract.installment_ids.filtered(lambda line: line.date_due <= contract.date_signed)
            env.cr.execute(
                "UPDATE realty_installment SET date_due = %s WHERE id IN %s",
                [period_start - timedelta(days=10), tuple(due_now.ids)],
            )
            due_now.invalidate_recordset(["date_due"])
            due_now._bill()

    def test_cron_and_button_at_once(self):
        def bill(env, index):
            if index == 0:
                env["realty.late.fee"]._cron_bill_late_fees()
            else:
                env["realty.contract"].browse(self.contract_id).action_bill_late_fees()

        with mute_logger("odoo.sql_db"):
            outcomes = self._race(bill, [1, self.cashier_ids[0]])  # the cron runs as the superuser
        self.assertIn("won", outcomes)
        for outcome in outcomes:
            if outcome != "won":  # the slower one found the month billed
                self.assertRegex(str(outcome), "No late fee to bill")
        fees = self._rows("SELECT id, move_id FROM realty_late_fee WHERE contract_id = %s", self.contract_id)
        self.assertEqual(len(fees), 1, "the month is billed once")
        invoices = self._rows(
            "SELECT id FROM account_move WHERE realty_contract_id = %s AND realty_installment_id IS NULL",
            self.contract_id,
        )
        self.assertEqual(invoices, [(fees[0][1],)], "by one invoice, the fee's")
