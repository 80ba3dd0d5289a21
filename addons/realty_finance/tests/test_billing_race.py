from odoo.tests import tagged
from odoo.tools import mute_logger

from .race_common import RealtyFinanceRaceCase


@tagged("post_install", "-at_install")
class TestBillingRace(RealtyFinanceRaceCase):
    """The daily cron and a finance user's Bill button run at the same moment on one contract: every installment
    gets exactly one invoice."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with cls.committed_env() as env:
            cls._committed_fixture(env, "Billing Race")

    def test_cron_and_button_at_once(self):
        def bill(env, index):
            if index == 0:
                env["realty.installment"]._cron_bill_due_installments()
            else:
                env["realty.contract"].browse(self.contract_id).action_bill_installments()

        with mute_logger("odoo.sql_db"):
            outcomes = self._race(bill, [1, self.cashier_ids[0]])  # the cron runs as the superuser
        self.assertIn("won", outcomes)
        for outcome in outcomes:
            if outcome != "won":  # the slower one found nothing left to bill
                self.assertRegex(str(outcome), "Nothing is due")
        rows = self._rows(
            "SELECT i.id, count(m.id) FROM realty_installment i"
            " LEFT JOIN account_move m ON m.realty_installment_id = i.id AND m.state != 'cancel'"
            " WHERE i.contract_id = %s GROUP BY i.id ORDER BY i.id",
            self.contract_id,
        )
        self.assertEqual([count for _id, count in rows], [1, 1, 0], "deposit and first half billed once each")
