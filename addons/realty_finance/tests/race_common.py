import uuid

from odoo.addons.realty_base.tests.race import RealtyRaceCase
from odoo.addons.realty_contract.tests.common import VALID_ID_CARD

HALF_NOW_HALF_IN_SIX_MONTHS = (
    {"name": "Now", "share": 50},
    {"name": "Rest", "share": 50, "offset_value": 6, "offset_unit": "months"},
)


class RealtyFinanceRaceCase(RealtyRaceCase):
    """The committed fixture of the finance races: a unit at 20,000/m², a buyer's confirmed reservation with a deposit
    of 20,000 on a payment plan, finance users, and (when asked) its signed contract. A test class makes it in its
    ``setUpClass`` with ``_committed_fixture(env, …)``, inside the ``committed_env()`` block where it adds its own;
    ``tearDownClass`` removes it all again, with what the tests made of it."""

    @classmethod
    def _committed_fixture(
        cls, env, name, plan_lines=HALF_NOW_HALF_IN_SIX_MONTHS, cashiers=1, sign=True, **project_values
    ):
        """Make the fixture in ``env`` (project ``name`` with ``project_values``) and keep its ids on the class.
        Returns the reservation and the contract (empty unless ``sign``)."""
        tag = uuid.uuid4().hex[:8]
        building = cls._race_building(env, f"{name} {tag}", **project_values)
        unit = cls._race_unit(env, building, unit_price=20000.0)
        plan = cls._race_plan(env, f"Race plan {tag}", plan_lines)
        users = cls._race_users(
            env, "Race Cashier", f"realty_race_cashier_{tag}", ["realty_base.group_realty_finance"] * cashiers
        )
        partner = env["res.partner"].create({"name": "Race Buyer"})
        reservation = cls._confirmed_reservation(env, unit, partner, plan)
        contract = cls._signed_contract(reservation) if sign else env["realty.contract"]
        cls.project_id, cls.building_id, cls.unit_id = building.project_id.id, building.id, unit.id
        cls.plan_id, cls.cashier_ids, cls.partner_id = plan.id, users.ids, partner.id
        cls.reservation_id, cls.contract_id = reservation.id, contract.id
        return reservation, contract

    @classmethod
    def _confirmed_reservation(cls, env, unit, partner, plan):
        reservation = env["realty.reservation"].create(
            {"unit_id": unit.id, "partner_id": partner.id, "payment_plan_id": plan.id, "deposit_amount": 20000.0}
        )
        reservation.action_confirm()
        return reservation

    @classmethod
    def _signed_contract(cls, reservation):
        contract = reservation.env["realty.contract"].browse(reservation.action_create_contract()["res_id"])
        contract.buyer_ids.write({"id_number": VALID_ID_CARD})
        contract.action_sign()
        return contract

    @classmethod
    def tearDownClass(cls):
        """Committed records go again, the accounting first: posted entries and the realty guards refuse the ORM's
        deletions, so SQL, in the order of the foreign keys (late fees, commissions, dunning logs and refunds restrict
        the deletion of their contract or reservation, partial reconciles that of their journal items)."""
        contract, reservation = cls.contract_id or 0, cls.reservation_id
        with cls.committed_env() as env:
            cr = env.cr
            for table in ("realty_late_fee", "realty_commission", "realty_dunning_log"):
                cr.execute(f"DELETE FROM {table} WHERE contract_id = %s", [contract])
            cr.execute(
                "DELETE FROM realty_refund WHERE reservation_id = %s OR contract_id = %s", [reservation, contract]
            )
            cr.execute(
                "SELECT id FROM account_move WHERE partner_id = %s OR realty_contract_id = %s"
                " UNION SELECT move_id FROM account_payment WHERE partner_id = %s AND move_id IS NOT NULL",
                [cls.partner_id, contract, cls.partner_id],
            )
            moves = tuple(row[0] for row in cr.fetchall()) or (0,)
            cr.execute("DELETE FROM account_payment WHERE partner_id = %s", [cls.partner_id])
            cr.execute(
                "DELETE FROM account_partial_reconcile WHERE debit_move_id IN"
                " (SELECT id FROM account_move_line WHERE move_id IN %s) OR credit_move_id IN"
                " (SELECT id FROM account_move_line WHERE move_id IN %s) RETURNING full_reconcile_id",
                [moves, moves],
            )
            full_reconciles = tuple({row[0] for row in cr.fetchall() if row[0]}) or (0,)
            cr.execute("DELETE FROM account_move WHERE id IN %s", [moves])
            cr.execute("DELETE FROM account_full_reconcile WHERE id IN %s", [full_reconciles])
            cr.execute("DELETE FROM realty_contract WHERE id = %s", [contract])
            cr.execute("DELETE FROM realty_reservation WHERE id = %s", [reservation])
            cr.execute("DELETE FROM realty_unit WHERE id = %s", [cls.unit_id])
            env["realty.building"].browse(cls.building_id).unlink()
            env["realty.project"].browse(cls.project_id).unlink()
            env["realty.payment.plan"].browse(cls.plan_id).unlink()
            cls._unlink_race_users(env, cls.cashier_ids)
            env["res.partner"].browse(cls.partner_id).unlink()
        super().tearDownClass()
