from odoo import api, fields, models

from .realty_reservation import LIVE_STATES

BOARD_CELL_FIELDS = (  # (field, format): what a board cell may show, in display order
    ("unit_price", "integer"),
    ("gross_area", "area"),
    ("inner_area", "area"),
    ("total_price", "wan"),
    ("layout_id", "layout"),
    ("orientation", "selection"),
)
BOARD_STATE_COLORS = {  # (background, text) of a board cell per state: the usual 销控表 colours
    "draft": ("#ced4da", "#212529"),
    "available": ("#28a745", "#ffffff"),
    "held": ("#fd7e14", "#ffffff"),
    "pending": ("#17a2b8", "#ffffff"),
    "reserved": ("#ffc107", "#212529"),
    "contracted": ("#dc3545", "#ffffff"),
    "delivered": ("#6f42c1", "#ffffff"),
}


class RealtyUnit(models.Model):
    _inherit = "realty.unit"

    state = fields.Selection(
        selection_add=[("held",), ("pending", "Pending Approval")],
        ondelete={"pending": lambda units: units._action_env().write({"state": "available"})},
    )
    reservation_ids = fields.One2many("realty.reservation", "unit_id", "Reservations")
    reservation_count = fields.Integer("Reservation Count", compute="_compute_reservation_count")

    _recommendation_idx = models.Index("(state, bedrooms, total_price)")
    _area_idx = models.Index("(state, gross_area)")

    def _compute_reservation_count(self):
        counts = dict(
            self.env["realty.reservation"]._read_group([("unit_id", "in", self.ids)], ["unit_id"], ["__count"])
        )
        for unit in self:
            unit.reservation_count = counts.get(unit._origin, 0)

    # ------------------------------------------------------------------
    # STATE MACHINE (EXTENDS realty_base)
    # ------------------------------------------------------------------

    @api.model
    def _get_state_transitions(self):
        return super()._get_state_transitions() | {
            ("available", "reserved"),
            ("reserved", "available"),
            ("available", "pending"),  # held for a reservation waiting for a discount approval (待审批)
            ("pending", "reserved"),
            ("pending", "available"),
        }

    def _change_state(self, new_state, from_state=None):
        result = super()._change_state(new_state, from_state=from_state)
        self._notify_board()
        return result

    def _notify_board(self):
        """Tell the open sales boards that these units changed: one bus message per company, on the channel that
        the company's board users listen to (see ir.websocket), so each of them gets it once."""
        for company, units in self.grouped("company_id").items():
            self.env["bus.bus"]._sendone(self._board_channel(company), "realty.unit/state", units._board_changes())

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    def action_new_reservation(self):
        """The reservation form with the unit and the project's default plan filled in, ready to confirm."""
        self.ensure_one()
        context = {"default_unit_id": self.id}
        if plan := self.project_id._default_payment_plan():
            context["default_payment_plan_id"] = plan.id
        return self.env["realty.reservation"]._action_new(context)

    def action_view_reservations(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("realty_sales.realty_reservation_action")
        action["domain"] = [("unit_id", "in", self.ids)]
        action["context"] = {"default_unit_id": self[:1].id}
        return action

    # ------------------------------------------------------------------
    # SALES BOARD
    # ------------------------------------------------------------------

    @api.model
    def _board_field_names(self):
        """The unit fields the board reads for every unit, in the order of its rows: what places, filters and
        counts a unit, then the cell fields."""
        names = [
            "name",
            "building_id",
            "floor",
            "position",
            "layout_id",
            "bedrooms",
            "gross_area",
            "total_price",
            "state",
        ]
        return names + [name for name in self._board_cell_field_names() if name not in names]

    @api.model
    def _board_cell_fields(self):
        """The fields a user may show in the board's cells, in display order, with their labels: the one list
        that the board, the users' choice (``res.users.realty_board_fields``) and the export share. ``format``
        tells the board how to show a value."""
        return [
            {"name": name, "label": self._fields[name]._description_string(self.env), "format": value_format}
            for name, value_format in BOARD_CELL_FIELDS
        ]

    @api.model
    def _board_cell_field_names(self):
        return [name for name, _format in BOARD_CELL_FIELDS]

    @api.model
    def _board_states(self):
        labels = self._fields["state"]._description_selection(self.env)
        colors = {key: BOARD_STATE_COLORS.get(key, ("#6c757d", "#ffffff")) for key, _label in labels}
        return [
            {"key": key, "label": label, "color": colors[key][0], "text_color": colors[key][1]} for key, label in labels
        ]

    @api.model
    def _board_actions(self):
        """What the side panel offers, each for the unit states it applies to, limited to what the user may do:
        managing units needs write access on them, reserving needs to create reservations."""
        may_manage = self.has_access("write")
        actions = [
            ("reserve", "action_board_reserve", self.env._("Reserve"), ["available"], self._board_may_reserve()),
            ("release", "action_release", self.env._("Release"), ["draft"], may_manage),
            ("hold", "action_hold", self.env._("Hold"), ["available"], may_manage),
            ("unhold", "action_unhold", self.env._("Unhold"), ["held"], may_manage),
        ]
        return [
            {"key": key, "method": method, "label": label, "states": states, "opens_form": key == "reserve"}
            for key, method, label, states, allowed in actions
            if allowed
        ]

    @api.model
    def _board_may_reserve(self):
        return self.env["realty.reservation"].has_access("create")

    @api.model
    def _board_channel(self, company):
        """The bus channel of a company's sales boards (only the company's board users subscribe to it)."""
        return (company, "realty_board")

    def _board_changes(self):
        """The board's view of these units after a change: what the bus sends and what a board applies."""
        return [{"id": unit.id, "project_id": unit.project_id.id, "state": unit.state} for unit in self]

    def get_board_changes(self):
        """The same as the bus message, for the board that made the change (it applies it at once)."""
        return self._board_changes()

    def get_board_panel(self):
        """What the side panel adds to a cell: the reservation holding the unit, as far as the user may read it
        (record rules: salespeople their own, managers, finance and executives all); for a reservation the
        user may not read, only who holds the unit, by name (as ``_unit_taken_message`` tells it)."""
        self.ensure_one()
        self.check_access("read")  # the holder's name below is read past the rules: only for a unit one may read
        domain = [("unit_id", "=", self.id), ("state", "in", LIVE_STATES)]
        reservation = self.env["realty.reservation"].search(domain, limit=1)
        if reservation:
            return {"reservation": self._board_reservation_values(reservation), "holder": False}
        # sudo: another salesperson's reservation is hidden by record rules; only the holder's name is shown
        holder = self.env["realty.reservation"].sudo().search(domain, limit=1).user_id
        return {"reservation": False, "holder": holder.name or False}

    def _board_reservation_values(self, reservation):
        states = dict(reservation._fields["state"]._description_selection(self.env))
        return {
            "id": reservation.id,
            "name": reservation.name,
            "state": states[reservation.state],
            "customer": reservation.partner_id.display_name,
            "salesperson": reservation.user_id.name,
            "date_expiry": fields.Datetime.to_string(reservation.date_expiry) or False,
        }

    def action_board_reserve(self):
        """Reserve from the board's side panel (the same form as from the unit)."""
        return self.action_new_reservation()
