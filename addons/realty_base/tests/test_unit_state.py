import json

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .common import RealtyCase

FORGED_CONTEXTS = (
    {"realty_unit_state_change": True},  # the key the guard used to trust
    {"realty_action_write": True},  # the key the guard uses now, with any JSON value a client can send
    {"realty_action_write": "1"},
)


@tagged("post_install", "-at_install")
class TestUnitState(RealtyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit = cls._create_unit(10, 1)
        cls.unit_as_manager = cls.unit.with_user(cls.manager)

    def test_new_unit_is_not_released(self):
        self.assertEqual(self.unit.state, "draft")

    def test_manager_releases_holds_unholds_withdraws(self):
        unit = self.unit_as_manager
        unit.action_release()
        self.assertEqual(unit.state, "available")
        unit.action_hold()
        self.assertEqual(unit.state, "held")
        unit.action_unhold()
        self.assertEqual(unit.state, "available")
        unit.action_withdraw()
        self.assertEqual(unit.state, "draft")

    def test_salesperson_cannot_release(self):
        with self.assertRaises(AccessError):
            self.unit.with_user(self.salesperson).action_release()
        self.assertEqual(self.unit.state, "draft")

    def test_illegal_transition_refused_with_clear_message(self):
        with self.assertRaisesRegex(UserError, "Unit 1-1001 is Not Released and cannot become Held"):
            self.unit_as_manager.action_hold()
        self.assertEqual(self.unit.state, "draft")

    def test_sold_unit_cannot_be_held_or_withdrawn(self):
        self._force_state(self.unit, "contracted")
        for action in ("action_hold", "action_withdraw", "action_release"):
            with self.subTest(action=action), self.assertRaises(UserError):
                getattr(self.unit_as_manager, action)()
        self.assertEqual(self.unit.state, "contracted")

    def test_batch_refused_as_a_whole(self):
        other = self._create_unit(10, 2)
        other.with_user(self.manager).action_release()
        with self.assertRaises(UserError):
            (self.unit | other).with_user(self.manager).action_hold()
        self.assertEqual(other.state, "available")

    def test_state_cannot_be_written_directly_whatever_the_context(self):
        for context in ({}, *FORGED_CONTEXTS):
            with self.subTest(context=context), self.assertRaisesRegex(UserError, "Sales State"):
                self.unit_as_manager.with_context(**context).write({"state": "delivered"})
        self.assertEqual(self.unit.state, "draft")

    def test_unit_cannot_be_created_in_a_sold_state(self):
        for context in ({}, *FORGED_CONTEXTS):
            with self.subTest(context=context), self.assertRaisesRegex(UserError, "Sales State"):
                self.env["realty.unit"].with_user(self.manager).with_context(**context).create(
                    {"building_id": self.building.id, "floor": 11, "position": 1, "gross_area": 90, "inner_area": 70}
                    | {"state": "reserved"}
                )
        created = (
            self.env["realty.unit"]
            .with_user(self.manager)
            .create({"building_id": self.building.id, "floor": 11, "position": 1, "gross_area": 90, "inner_area": 70})
        )
        self.assertEqual(created.state, "draft")

    def test_each_change_is_logged_in_chatter(self):
        # tracking is written when a transaction commits, and skipped for records created in the same one
        self.env.cr.precommit.run()
        self.unit_as_manager.action_release()
        self.env.cr.precommit.run()
        self.unit_as_manager.action_hold()
        self.env.cr.precommit.run()
        trackings = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", "realty.unit"),
                ("mail_message_id.res_id", "=", self.unit.id),
                ("field_id.name", "=", "state"),
            ]
        )
        self.assertEqual(
            sorted(zip(trackings.mapped("old_value_char"), trackings.mapped("new_value_char"))),
            [("Available", "Held"), ("Not Released", "Available")],
        )


@tagged("post_install", "-at_install")
class TestUnitStateOverJson2(HttpCase, RealtyCase):
    """What a client sends: a sales manager's API key, any context it likes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit = cls._create_unit(10, 1)
        cls.unit.with_user(cls.manager).action_release()
        cls.headers = cls._json2_headers(cls.manager)

    def _call(self, method, **payload):
        return self.url_open(f"/json/2/realty.unit/{method}", data=json.dumps(payload), headers=self.headers)

    def test_forged_context_cannot_move_a_unit(self):
        for context in FORGED_CONTEXTS:
            with self.subTest(context=context):
                response = self._call("write", ids=self.unit.ids, vals={"state": "delivered"}, context=context)
                self.assertEqual(response.status_code, 422, response.text)
                self.assertIn("Sales State", response.json()["message"])
        self.unit.invalidate_recordset(["state"])
        self.assertEqual(self.unit.state, "available")

    def test_the_action_still_works_over_json2(self):
        response = self._call("action_hold", ids=self.unit.ids)
        self.assertEqual(response.status_code, 200, response.text)
        self.unit.invalidate_recordset(["state"])
        self.assertEqual(self.unit.state, "held")
