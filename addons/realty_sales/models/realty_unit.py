from odoo import api, fields, models

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

    def _change_state(self, new_state):
        result = super()._change_state(new_state)
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
        self.ensure_one()
        return self.env["realty.reservation"]._action_new({"default_unit_id": self.id})

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
        return [
            "name",
            "building_id",
            "floor",
            "position",
            "layout_id",
            "bedrooms",
            "gross_area",
            "inner_area",
            "orientation",
            "unit_price",
            "total_price",
            "state",
        ]

    @api.model
    def _board_states(self):
        labels = self._fields["state"]._description_selection(self.env)
        colors = {key: BOARD_STATE_COLORS.get(key, ("#6c757d", "#ffffff")) for key, _label in labels}
        return [
            {"key": key, "label": label, "color": colors[key][0], "text_color": colors[key][1]} for key, label in labels
        ]

    @api.model
    def _board_channel(self, company):
        """The bus channel of a company's sales boards (only the company's board users subscribe to it)."""
        return (company, "realty_board")

    def _board_changes(self):
        """The board's view of these units after a change: what the bus sends and what a board applies."""
        return [{"id": unit.id, "project_id": unit.project_id.id, "state": unit.state} for unit in self]

    def _board_values_list(self):
        orientations = dict(self._fields["orientation"]._description_selection(self.env))
        return [unit._board_values(orientations) for unit in self]

    def _board_values(self, orientations):
        return {
            "id": self.id,
            "name": self.name,
            "building_id": self.building_id.id,
            "floor": self.floor,
            "position": self.position,
            "layout_id": self.layout_id.id,
            "bedrooms": self.bedrooms,
            "gross_area": self.gross_area,
            "inner_area": self.inner_area,
            "orientation": orientations.get(self.orientation, ""),
            "unit_price": self.unit_price,
            "total_price": self.total_price,
            "state": self.state,
        }
