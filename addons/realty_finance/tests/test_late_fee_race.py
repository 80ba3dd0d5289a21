import uuid
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.realty_base.tests.race import RealtyRaceCase
from odoo.addons.realty_contract.tests.common import VALID_ID_CARD


@tagged("post_install", "-at_install")
class TestLateFeeRace(RealtyRaceCase):
    """The monthly cron and a finance user's Bill Late Fees button run at the same moment on one contract: its
    month is billed once, by one invoice."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        tag = uuid.uuid4().hex[:8]
        with cls.committed_env() as env:
            project = env["realty.project"].create({"name": f"Late Fee Race {tag}"})
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
                    "login": f"realty_race_late_fee_{tag}",
                    "group_ids": [Command.link(env.ref("realty_base.group_realty_finance").id)],
                }
            )
            partner = env["res.partner"].create({"name": "Race Late Payer"})
            reservation = env["realty.reservation"].create(
                {"unit_id": unit.id, "partner_id": partner.id, "payment_plan_id": plan.id, "deposit_amount": 20000.0}
            )
            reservation.action_confirm()
            contract = env["realty.contract"].browse(reservation.action_create_contract()["res_id"])
            contract.buyer_ids.write({"id_number": VALID_ID_CARD})
            contract.action_sign()
            # what fell due at signing fell due last month already; billed then, unpaid since
            period_start, _period_end = env["realty.late.fee"]._period()
            due_now = contract.installment_ids.filtered(lambda line: line.date_due <= fields.Date.today())
            env.cr.execute(
                "UPDATE realty_installment SET date_due = %s WHERE id IN %s",
                [period_start - timedelta(days=10), tuple(due_now.ids)],
            )
            due_now.invalidate_recordset(["date_due"])
            due_now._bill()
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
        """Committed records go again, fees and invoices first (the realty guards refuse such deletions: SQL)."""
        ids = cls.cleanup
        with cls.committed_env() as env:
            cr = env.cr
            cr.execute("DELETE FROM realty_late_fee WHERE contract_id = %s", [ids["contract"]])
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
                env["realty.late.fee"]._cron_bill_late_fees()
            else:
                env["realty.contract"].browse(self.contract_id).action_bill_late_fees()

        with mute_logger("odoo.sql_db"):
            outcomes = self._race(bill, [1, self.finance_id])  # the cron runs as the superuser
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
