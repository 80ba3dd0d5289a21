import uuid

from psycopg2 import errors

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.realty_base.tests.race import RealtyRaceCase


@tagged("post_install", "-at_install")
class TestReservationRace(RealtyRaceCase):
    """Two separate database transactions race for one unit: exactly one wins.

    The data is committed for real (the racers need to see it), so the class cleans up after itself.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        tag = uuid.uuid4().hex[:8]
        with cls.db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            project = env["realty.project"].create({"name": f"Race Heights {tag}"})
            building = env["realty.building"].create({"project_id": project.id, "name": "Race", "code": "R"})
            cls.unit_id = (
                env["realty.unit"]
                .create({"building_id": building.id, "floor": 1, "position": 1, "gross_area": 90, "inner_area": 75})
                .id
            )
            env["realty.unit"].browse(cls.unit_id).action_release()
            plan = env["realty.payment.plan"].search([], limit=1) or env["realty.payment.plan"].create(
                {"name": "Race plan", "line_ids": [(0, 0, {"name": "All", "share": 100})]}
            )
            users = [
                env["res.users"].create(
                    {
                        "name": f"Racer {index}",
                        "login": f"realty_racer_{index}_{tag}",
                        "group_ids": [(4, env.ref("realty_base.group_realty_salesperson").id)],
                    }
                )
                for index in (1, 2)
            ]
            partner = env["res.partner"].create({"name": "Race Buyer"})
            cls.reservation_ids = [
                env["realty.reservation"]
                .create(
                    {"unit_id": cls.unit_id, "partner_id": partner.id, "payment_plan_id": plan.id, "user_id": user.id}
                )
                .id
                for user in users
            ]
            cls.user_ids = [user.id for user in users]
            cls.cleanup_ids = (project.id, building.id, partner.id, plan.id, cls.user_ids)
            cr.commit()

    @classmethod
    def tearDownClass(cls):
        project_id, building_id, partner_id, _plan_id, user_ids = cls.cleanup_ids
        with cls.db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["realty.reservation"].browse(cls.reservation_ids).unlink()
            env["realty.unit"].browse(cls.unit_id).unlink()
            env["realty.building"].browse(building_id).unlink()
            env["realty.project"].browse(project_id).unlink()
            env["res.users"].browse(user_ids).unlink()
            env["res.partner"].browse(partner_id).unlink()
            cr.commit()
        super().tearDownClass()

    def _live_reservations(self):
        query = "SELECT count(*) FROM realty_reservation WHERE unit_id = %s AND state IN %s"
        return self._rows(query, self.unit_id, ("to_approve", "confirmed", "converted"))[0][0]

    def test_1_two_salespeople_confirm_at_once(self):
        def confirm(env, index):
            env["realty.reservation"].browse(self.reservation_ids[index]).action_confirm()

        with mute_logger("odoo.sql_db", "odoo.service.model"):
            outcomes = self._race(confirm, self.user_ids)
        loser = self._loser(outcomes)
        self.assertIsInstance(loser, UserError)
        self.assertRegex(str(loser), r"already reserved by Racer \d")
        self.assertEqual(self._live_reservations(), 1)
        with self.db.cursor() as cr:
            cr.execute("SELECT state FROM realty_unit WHERE id = %s", [self.unit_id])
            self.assertEqual(cr.fetchone()[0], "reserved")

    def test_2_database_refuses_a_second_live_reservation(self):
        """Even code that skips every Python check cannot confirm two reservations of one unit."""
        with self.db.cursor() as cr:
            cr.execute("UPDATE realty_reservation SET state = 'draft' WHERE id IN %s", [tuple(self.reservation_ids)])
            cr.commit()

        def force_confirm(env, index):
            env.cr.execute(
                "UPDATE realty_reservation SET state = 'confirmed' WHERE id = %s", [self.reservation_ids[index]]
            )

        with mute_logger("odoo.sql_db", "odoo.service.model"):
            outcomes = self._race(force_confirm, self.user_ids)
        loser = self._loser(outcomes)
        self.assertIsInstance(loser, errors.UniqueViolation)
        self.assertIn("realty_reservation_unit_live_uniq", str(loser))
        self.assertEqual(self._live_reservations(), 1)
