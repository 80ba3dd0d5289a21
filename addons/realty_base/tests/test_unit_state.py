from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import RealtyCase


@tagged("post_install", "-at_install")
class TestUnitState(RealtyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit = cls._create_unit(10, 1)

    def test_new_unit_is_not_released(self):
        self.assertEqual(self.unit.state, "draft")

    def test_release_hold_unhold_withdraw(self):
        self.unit.action_release()
        self.assertEqual(self.unit.state, "available")
        self.unit.action_hold()
        self.assertEqual(self.unit.state, "held")
        self.unit.action_unhold()
        self.assertEqual(self.unit.state, "available")
        self.unit.action_withdraw()
        self.assertEqual(self.unit.state, "draft")

    def test_illegal_transition_refused_with_clear_message(self):
        with self.assertRaisesRegex(UserError, "Unit 1-1001 is Not Released and cannot become Held"):
            self.unit.action_hold()
        self.assertEqual(self.unit.state, "draft")

    def test_sold_unit_cannot_be_held_or_withdrawn(self):
        self._force_state(self.unit, "contracted")
        for action in ("action_hold", "action_withdraw", "action_release"):
            with self.subTest(action=action), self.assertRaises(UserError):
                getattr(self.unit, action)()
        self.assertEqual(self.unit.state, "contracted")

    def test_batch_refused_as_a_whole(self):
        other = self._create_unit(10, 2)
        other.action_release()
        with self.assertRaises(UserError):
            (self.unit | other).action_hold()
        self.assertEqual(other.state, "available")

    def test_state_cannot_be_written_directly(self):
        with self.assertRaisesRegex(UserError, "changes only through its actions"):
            self.unit.write({"state": "available"})

    def test_each_change_is_logged_in_chatter(self):
        # tracking is written when a transaction commits, and skipped for records created in the same one
        self.env.cr.precommit.run()
        self.unit.action_release()
        self.env.cr.precommit.run()
        self.unit.action_hold()
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

    def test_transitions_are_a_hook(self):
        transitions = self.env["realty.unit"]._get_state_transitions()
        self.assertIn(("available", "held"), transitions)
        self.assertNotIn(("draft", "held"), transitions)
