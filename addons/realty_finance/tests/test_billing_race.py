import uuid

from odoo import Command
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.realty_base.tests.race import RealtyRaceCase
from odoo.addons.realty_contract.tests.common import VALID_ID_CARD


@tagged("post_install", "-at_install")
class TestBillingRace(RealtyRaceCase):
    """The daily cron and a finance user's Bill button run at the same moment on one contract: every installment
    gets exactly one invoice."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        tag = uuid.uuid4().hex[:8]
        with cls.committed_env() as env:
            project = env["realty.project"].create({"name": f"Billing Race {tag}"})
            building = env["realty.building"].create({"project_id": project.id, "name": "Race", "code": "R"})
            unit = env["realty.unit"].create(
                {"building_id": building.id, "floor": 1, "position": 1, "gross_area": 90, "inner_area": 75}
            )
            unit.write({"unit_price": 20000.0})
            unit.action_release()
            plan = env["realty.payment.plan"].create(
                {
                    "name": f"Race plan {tag}",
                    "line_ids": [
                        Command.create({"name": "Now", "share": 50}),
                        Command.create({"name": "Rest", "share": 50, "offset_value": 6, "offset_unit": "months"}),
                    ],
                }
            )
            finance = env["res.users"].create(
                {
                    "name": "Race Cashier",
                    "login": f"realty_race_cashier_{tag}",
                    "group_ids": [Command.link(env.ref("realty_base.group_realty_finance").id)],
                }
            )
            partner = env["res.partner"].create({"name": "Race Payer"})
            reservation = env["realty.reservation"].create(
                {"unit_id": unit.id, "partner_id": partner.id, "payment_plan_id": plan.id, "deposit_amount": 20000.0}
            )
            reservation.action_confirm()
            contract = env["realty.contract"].browse(reservation.action_create_contract()["res_id"])
            contract.buyer_ids.write({"id_number": VALID_ID_CARD})
            contract.action_sign()
        cls.contract_id, cls.finance_id = contract.id, finance.id
        cls.cleanup = {
            "contract": contract.id,
            "reservation": reservation.id,
            "unit": unit.id,
            "building": building.id,
            "project": project.id,
            "plan": plan.id,
            "user": finance.id,
            "partner": partner.id,
        }

    @classmethod
    def tearDownClass(cls):
        """Committed records go again, invoices first (the realty guards refuse such deletions: SQL)."""
        ids = cls.cleanup
        with cls.committed_env() as env:
            cr = env.cr
            cr.execute("DELETE FROM account_move WHERE realty_contract_id = %s", [ids["contract"]])
            cr.execute("DELETE FROM realty_contract WHERE id = %s", [ids["contract"]])
            cr.execute("DELETE FROM realty_reservation WHERE id = %s", [ids["reservation"]])
            cr.execute("DELETE FROM realty_unit WHERE id = %s", [ids["unit"]])
            env["realty.building"].browse(ids["building"]).unlink()
            env["realty.project"].browse(ids["project"]).unlink()
            env["realty.payment.plan"].browse(ids["plan"]).unlink()
            env["res.users"].browse(ids["user"]).unlink()
            env["res.partner"].browse(ids["partner"]).unlink()
        super().tearDownClass()

    def test_cron_and_button_at_once(self):
        def bill(env, index):
            if index == 0:
                env["realty.installment"]._cron_bill_due_installments()
            else:
                env["realty.contract"].browse(self.contract_id).action_bill_installments()

        with mute_logger("odoo.sql_db"):
            outcomes = self._race(bill, [1, self.finance_id])  # the cron runs as the superuser
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
