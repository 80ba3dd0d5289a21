import uuid

from psycopg2 import errors

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
        with cls.committed_env() as env:
            building = cls._race_building(env, f"Race Heights {tag}")
            cls.unit_id = cls._race_unit(env, building).id
            plan = cls._race_plan(env, f"Race plan {tag}")
            groups = ["realty_base.group_realty_salesperson"] * 2
            users = cls._race_users(env, "Racer", f"realty_racer_{tag}", groups)
            partner = env["res.partner"].create({"name": "Race Buyer"})
            cls.reservation_ids = [
                env["realty.reservation"]
                .create(
                    {"unit_id": cls.unit_id, "partner_id": partner.id, "payment_plan_id": plan.id, "user_id": user.id}
                )
                .id
                for user in users
            ]
            cls.user_ids = users.ids
            cls.cleanup_ids = (building.project_id.id, building.id, partner.id, plan.id, cls.user_ids)

    @classmethod
    def tearDownClass(cls):
        project_id, building_id, partner_id, plan_id, user_ids = cls.cleanup_ids
        with cls.committed_env() as env:
            env["realty.reservation"].browse(cls.reservation_ids).unlink()
            env["realty.unit"].browse(cls.unit_id).unlink()
            env["realty.building"].browse(building_id).unlink()
            env["realty.project"].browse(project_id).unlink()
            env["realty.payment.plan"].browse(plan_id).unlink()
            cls._unlink_race_users(env, user_ids)
            env["res.partner"].browse(partner_id).unlink()
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
