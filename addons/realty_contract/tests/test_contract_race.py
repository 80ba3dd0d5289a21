import uuid

from psycopg2 import errors

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import VALID_ID_CARD
from odoo.addons.realty_base.tests.race import RealtyRaceCase


@tagged("post_install", "-at_install")
class TestContractRace(RealtyRaceCase):
    """Two separate database transactions make or sign the contract of one unit at once: exactly one wins, the
    other gets a UserError and leaves nothing behind; PostgreSQL keeps one live contract per unit whatever the code.

    The data is committed for real (the racers need to see it), so the class cleans up after itself.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tag = uuid.uuid4().hex[:8]
        with cls.committed_env() as env:
            building = cls._race_building(env, f"Race Towers {cls.tag}")
            cls.building_id, cls.project_id = building.id, building.project_id.id
            cls.plan_id = cls._race_plan(env, f"Race plan {cls.tag}").id
            cls.partner_id = env["res.partner"].create({"name": "Race Buyer"}).id
            # a salesperson, and a sales manager (who may sign any contract of the company)
            groups = ["realty_base.group_realty_salesperson", "realty_base.group_realty_manager"]
            cls.user_ids = cls._race_users(env, "Contract Racer", f"realty_contract_racer_{cls.tag}", groups).ids
        cls.floor = 0

    @classmethod
    def tearDownClass(cls):
        with cls.committed_env() as env:
            units = env["realty.unit"].search([("building_id", "=", cls.building_id)])
            contracts = env["realty.contract"].search([("unit_id", "in", units.ids)])
            contracts._action_env().write({"state": "cancelled"})
            contracts.unlink()
            env["realty.reservation"].search([("unit_id", "in", units.ids)]).unlink()
            units.unlink()
            env["realty.building"].browse(cls.building_id).unlink()
            env["realty.project"].browse(cls.project_id).unlink()
            cls._unlink_race_users(env, cls.user_ids)
            env["res.partner"].browse(cls.partner_id).unlink()
            env["realty.payment.plan"].browse(cls.plan_id).unlink()
        super().tearDownClass()

    def _committed_reservation(self):
        """A new released unit and its reservation by the first racer, confirmed and committed."""
        type(self).floor += 1
        with self.committed_env() as env:
            building = env["realty.building"].browse(self.building_id)
            unit = self._race_unit(env, building, floor=self.floor, unit_price=20000)
            reservation = env["realty.reservation"].create(
                {
                    "unit_id": unit.id,
                    "partner_id": self.partner_id,
                    "payment_plan_id": self.plan_id,
                    "user_id": self.user_ids[0],
                }
            )
            reservation.action_confirm()
        return reservation.id, unit.id

    def _committed_draft_contract(self):
        reservation_id, unit_id = self._committed_reservation()
        with self.committed_env() as env:
            reservation = env["realty.reservation"].with_user(self.user_ids[0]).browse(reservation_id)
            contract = env["realty.contract"].browse(reservation.action_create_contract()["res_id"])
            contract.buyer_ids.write({"id_number": VALID_ID_CARD})
        return contract.id, unit_id

    def test_1_create_contract_clicked_in_two_tabs(self):
        reservation_id, unit_id = self._committed_reservation()

        def create_contract(env, _index):
            env["realty.reservation"].browse(reservation_id).action_create_contract()

        with mute_logger("odoo.sql_db", "odoo.service.model"):
            outcomes = self._race(create_contract, [self.user_ids[0]] * 2)
        loser = self._loser(outcomes)
        self.assertIsInstance(loser, UserError)
        self.assertRegex(str(loser), r"already has its contract HT\d{4}-\d{5}")
        contracts = self._rows("SELECT id, state FROM realty_contract WHERE unit_id = %s", unit_id)
        self.assertEqual([state for _id, state in contracts], ["draft"], "one contract, nothing half-written")
        self.assertEqual(
            self._rows("SELECT count(*) FROM realty_contract_buyer WHERE contract_id = %s", contracts[0][0]), [(1,)]
        )
        self.assertEqual(
            self._rows("SELECT state FROM realty_reservation WHERE id = %s", reservation_id), [("converted",)]
        )

    def test_2_two_users_sign_one_contract_at_once(self):
        contract_id, unit_id = self._committed_draft_contract()

        def sign(env, _index):
            env["realty.contract"].browse(contract_id).action_sign()

        with mute_logger("odoo.sql_db", "odoo.service.model"):
            outcomes = self._race(sign, self.user_ids)  # the salesperson and a sales manager
        loser = self._loser(outcomes)
        self.assertIsInstance(loser, UserError)
        self.assertIn("Signed", str(loser))
        self.assertEqual(self._rows("SELECT state FROM realty_contract WHERE id = %s", contract_id), [("signed",)])
        self.assertEqual(self._rows("SELECT state FROM realty_unit WHERE id = %s", unit_id), [("contracted",)])
        self.assertEqual(
            self._rows("SELECT count(*) FROM realty_installment WHERE contract_id = %s", contract_id),
            [(1,)],
            "one schedule (the plan's single payment), not two",
        )

    def test_3_database_refuses_a_second_live_contract(self):
        """Even code that skips every Python check cannot make two live contracts of one unit."""
        contract_id, unit_id = self._committed_draft_contract()
        with self.committed_env() as env:
            cr = env.cr
            cr.execute("UPDATE realty_contract SET state = 'cancelled' WHERE id = %s", [contract_id])
            cr.execute(
                """INSERT INTO realty_contract (name, reservation_id, unit_id, user_id, payment_plan_id, state)
                   SELECT 'RACE-' || %s, reservation_id, unit_id, user_id, payment_plan_id, 'cancelled'
                     FROM realty_contract WHERE id = %s RETURNING id""",
                [self.tag, contract_id],
            )
            twin_id = cr.fetchone()[0]

        def force_live(env, index):
            own = (contract_id, twin_id)[index]
            env.cr.execute("UPDATE realty_contract SET state = 'draft' WHERE id = %s", [own])

        with mute_logger("odoo.sql_db", "odoo.service.model"):
            outcomes = self._race(force_live, self.user_ids)
        loser = self._loser(outcomes)
        self.assertIsInstance(loser, errors.UniqueViolation)
        self.assertIn("realty_contract_unit_live_uniq", str(loser))
        live = self._rows(
            "SELECT count(*) FROM realty_contract WHERE unit_id = %s AND state IN ('draft', 'signed')", unit_id
        )
        self.assertEqual(live, [(1,)])
