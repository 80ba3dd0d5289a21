import uuid

from odoo import Command
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.realty_base.tests.race import RealtyRaceCase


@tagged("post_install", "-at_install")
class TestRefundRace(RealtyRaceCase):
    """Two cashiers click Refund Deposit on the same cancelled reservation at the same moment: one refund, one
    outbound payment."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        tag = uuid.uuid4().hex[:8]
        with cls.committed_env() as env:
            project = env["realty.project"].create({"name": f"Refund Race {tag}", "realty_forfeit_policy": "none"})
            building = env["realty.building"].create({"project_id": project.id, "name": "Race", "code": "R"})
            unit = env["realty.unit"].create(
                {"building_id": building.id, "floor": 1, "position": 1, "gross_area": 90, "inner_area": 75}
            )
            unit.write({"unit_price": 20000.0})
            unit.action_release()
            plan = env["realty.payment.plan"].create(
                {"name": f"Race plan {tag}", "line_ids": [Command.create({"name": "All", "share": 100})]}
            )
            cashiers = env["res.users"].create(
                [
                    {
                        "name": f"Race Cashier {index}",
                        "login": f"realty_refund_race_{index}_{tag}",
                        "group_ids": [Command.link(env.ref("realty_base.group_realty_finance").id)],
                    }
                    for index in (1, 2)
                ]
            )
            partner = env["res.partner"].create({"name": "Race Buyer"})
            reservation = env["realty.reservation"].create(
                {"unit_id": unit.id, "partner_id": partner.id, "payment_plan_id": plan.id, "deposit_amount": 20000.0}
            )
            reservation.action_confirm()
            wizard = (
                env["realty.payment.receive"]
                .with_context(default_reservation_id=reservation.id)
                .create({"amount": 20000.0})
            )
            wizard.action_confirm()
            reservation.action_cancel()
        cls.reservation_id, cls.cashier_ids = reservation.id, cashiers.ids
        cls.cleanup = {
            "reservation": reservation.id,
            "unit": unit.id,
            "building": building.id,
            "project": project.id,
            "plan": plan.id,
            "users": cashiers.ids,
            "partner": partner.id,
        }

    @classmethod
    def tearDownClass(cls):
        """Committed records go again, the accounting first (posted entries and the guards refuse it: SQL)."""
        ids = cls.cleanup
        with cls.committed_env() as env:
            cr = env.cr
            cr.execute("DELETE FROM realty_refund WHERE reservation_id = %s", [ids["reservation"]])
            cr.execute("SELECT move_id FROM account_payment WHERE realty_reservation_id = %s", [ids["reservation"]])
            moves = tuple(row[0] for row in cr.fetchall()) or (0,)
            cr.execute("DELETE FROM account_payment WHERE realty_reservation_id = %s", [ids["reservation"]])
            cr.execute(
                "DELETE FROM account_partial_reconcile WHERE debit_move_id IN"
                " (SELECT id FROM account_move_line WHERE move_id IN %s) OR credit_move_id IN"
                " (SELECT id FROM account_move_line WHERE move_id IN %s)",
                [moves, moves],
            )
            cr.execute("DELETE FROM account_move WHERE id IN %s", [moves])
            cr.execute("DELETE FROM realty_reservation WHERE id = %s", [ids["reservation"]])
            cr.execute("DELETE FROM realty_unit WHERE id = %s", [ids["unit"]])
            env["realty.building"].browse(ids["building"]).unlink()
            env["realty.project"].browse(ids["project"]).unlink()
            env["realty.payment.plan"].browse(ids["plan"]).unlink()
            env["res.users"].browse(ids["users"]).unlink()
            env["res.partner"].browse(ids["partner"]).unlink()
        super().tearDownClass()

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
