from odoo.tests import tagged
from odoo.tools import mute_logger

from .race_common import RealtyFinanceRaceCase


@tagged("post_install", "-at_install")
class TestRefundRace(RealtyFinanceRaceCase):
    """Two cashiers click Refund Deposit on the same cancelled reservation at the same moment: one refund, one
    outbound payment."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with cls.committed_env() as env:
            reservation, _contract = cls._committed_fixture(
                env,
                "Refund Race",
                plan_lines=[{"name": "All", "share": 100}],
                cashiers=2,
                sign=False,
                realty_forfeit_policy="none",
            )
            wizard = (
                env["realty.payment.receive"]
                .with_context(default_reservation_id=reservation.id)
                .create({"amount": 20000.0})
            )
            wizard.action_confirm()
            reservation.action_cancel()

    def test_two_cashiers_refund_at_once(self):
        def refund(env, index):
            env["realty.reservation"].browse(self.reservation_id).action_refund_deposit()

        with mute_logger("odoo.sql_db"):
            outcomes = self._race(refund, self.cashier_ids)
        loser = self._loser(outcomes)
        self.assertRegex(str(loser), "already been refunded|reservation_uniq")
        rows = self._rows(
            "SELECT payment_type, count(*), sum(amount) FROM account_payment WHERE realty_reservation_id = %s"
            " GROUP BY payment_type ORDER BY payment_type",
            self.reservation_id,
        )
        self.assertEqual(rows, [("inbound", 1, 20000.0), ("outbound", 1, 20000.0)], "one refund payment")
        self.assertEqual(
            self._rows("SELECT count(*) FROM realty_refund WHERE reservation_id = %s", self.reservation_id), [(1,)]
        )
