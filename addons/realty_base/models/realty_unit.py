from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from .realty_layout import ORIENTATIONS

UNIT_STATES = [
    ("draft", "Not Released"),
    ("available", "Available"),
    ("held", "Held"),
    ("reserved", "Reserved"),
    ("contracted", "Contracted"),
    ("delivered", "Delivered"),
]


class RealtyUnit(models.Model):
    _name = "realty.unit"
    _description = "Unit"
    _inherit = ["mail.thread", "mail.activity.mixin", "realty.action.guard.mixin"]
    _order = "project_id, building_id, floor desc, position"
    _check_company_auto = True

    name = fields.Char("Unit No.", compute="_compute_name", store=True, index="trigram")
    building_id = fields.Many2one(
        "realty.building", "Building", required=True, index=True, ondelete="restrict", check_company=True
    )
    project_id = fields.Many2one(related="building_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="building_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    floor = fields.Integer("Floor", required=True, index=True)
    position = fields.Integer("Position", required=True, help="Position (stack) of the unit on its floor.")
    layout_id = fields.Many2one(
        "realty.layout", "Layout", index=True, check_company=True, domain="[('project_id', '=', project_id)]"
    )
    bedrooms = fields.Integer(related="layout_id.bedrooms", store=True, index=True)
    layout_image = fields.Image(related="layout_id.image_128", string="Floorplan")
    gross_area = fields.Float("Gross Area (m²)", digits=(12, 2), required=True, tracking=True)
    inner_area = fields.Float("Inner Area (m²)", digits=(12, 2), required=True, tracking=True)
    shared_area = fields.Float("Shared Area (m²)", digits=(12, 2), compute="_compute_shared_area", store=True)
    shared_rate = fields.Float("Shared Area Rate", compute="_compute_shared_area", store=True)
    orientation = fields.Selection(ORIENTATIONS, "Orientation")
    unit_price = fields.Monetary("Standard Unit Price", tracking=True, help="Standard price per m² of gross area.")
    total_price = fields.Monetary(
        "Standard Total Price",
        compute="_compute_total_price",
        inverse="_inverse_total_price",
        store=True,
        tracking=True,
        help="Standard unit price × gross area. Editing it adjusts the standard unit price.",
    )
    state = fields.Selection(
        UNIT_STATES, "Sales State", required=True, default="draft", index=True, tracking=True, group_expand=True
    )
    note = fields.Text("Notes")

    _position_uniq = models.Constraint(
        "UNIQUE(building_id, floor, position)", "A building cannot have two units on the same floor and position."
    )
    _floor_position_valid = models.Constraint(
        "CHECK(floor <> 0 AND position > 0)", "The floor cannot be 0 and the position must be positive."
    )
    _areas_valid = models.Constraint(
        "CHECK(gross_area > 0 AND inner_area > 0 AND inner_area <= gross_area)",
        "Areas must be positive and the inner area cannot exceed the gross area.",
    )
    _prices_valid = models.Constraint("CHECK(unit_price >= 0 AND total_price >= 0)", "Prices cannot be negative.")
    _unit_price_max = models.Constraint(
        "CHECK(unit_price <= 1000000)", "The standard unit price cannot exceed 1,000,000 per m² of gross area."
    )
    _gross_area_max = models.Constraint("CHECK(gross_area <= 10000)", "A unit's gross area cannot exceed 10,000 m².")
    _project_state_idx = models.Index("(project_id, state)")

    # ------------------------------------------------------------------
    # COMPUTE
    # ------------------------------------------------------------------

    @api.depends("building_id.code", "floor", "position")
    def _compute_name(self):
        for unit in self:
            unit.name = f"{unit.building_id.code or ''}-{unit.floor}{unit.position:02d}"

    @api.depends("gross_area", "inner_area")
    def _compute_shared_area(self):
        for unit in self:
            unit.shared_area = unit.gross_area - unit.inner_area
            unit.shared_rate = unit.shared_area / unit.gross_area if unit.gross_area else 0.0

    @api.depends("unit_price", "gross_area", "currency_id")
    def _compute_total_price(self):
        for unit in self:
            unit.total_price = unit._round_money(unit.unit_price * unit.gross_area)

    def _inverse_total_price(self):
        for unit in self:
            if unit.gross_area:
                unit.unit_price = unit._round_money(unit.total_price / unit.gross_area)

    def _round_money(self, amount):
        return self.currency_id.round(amount) if self.currency_id else round(amount, 2)

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model
    def _action_only_fields(self):
        return super()._action_only_fields() | {"state"}

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    def action_release(self):
        """Put units on sale (推售)."""
        return self._change_state("available", from_state="draft")

    def action_withdraw(self):
        """Take unsold units off sale again."""
        return self._change_state("draft", from_state="available")

    def action_hold(self):
        """Keep units back from sale (销控保留); sales managers only."""
        return self._change_state("held", from_state="available")

    def action_unhold(self):
        return self._change_state("available", from_state="held")

    # ------------------------------------------------------------------
    # STATE MACHINE
    # ------------------------------------------------------------------

    @api.model
    def _get_state_transitions(self):
        """Return the allowed (from, to) state pairs. Later addons add theirs (reserve, sign, deliver…)."""
        return {
            ("draft", "available"),
            ("available", "draft"),
            ("available", "held"),
            ("held", "available"),
        }

    @api.model
    def _get_sold_states(self):
        return ("reserved", "contracted", "delivered")

    def _change_state(self, new_state, from_state=None):
        """The only way a unit's sales state changes: locks the rows, checks the move, writes and logs it.

        ``from_state`` narrows the allowed moves to those starting there (a unit pending approval is reserved only
        by the deal it is held for, not by another one that would pass for available → reserved).
        """
        self._lock_rows()
        allowed = self._get_state_transitions()
        refused = self.filtered(
            lambda unit: (unit.state, new_state) not in allowed or (from_state and unit.state != from_state)
        )
        if refused:
            raise UserError(self._illegal_transition_message(refused, new_state))
        self._action_env().write({"state": new_state})
        return True

    def _lock_rows(self):
        """Lock the units until the end of the transaction, then reread their state."""
        if not self.ids:
            return
        self.flush_recordset(["state"])
        self.env.cr.execute(SQL("SELECT id FROM realty_unit WHERE id IN %s ORDER BY id FOR UPDATE", tuple(self.ids)))
        self.invalidate_recordset(["state"])

    @api.model
    def _state_labels(self):
        """{state: label} in the user's language."""
        return dict(self._fields["state"]._description_selection(self.env))

    def _illegal_transition_message(self, units, new_state):
        labels = self._state_labels()
        unit = units[0]
        return self.env._(
            "Unit %(unit)s is %(current)s and cannot become %(new)s.",
            unit=unit.name,
            current=labels[unit.state],
            new=labels[new_state],
        )

    # ------------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------------

    @api.model
    def _action_open_units(self, domain):
        action = self.env["ir.actions.act_window"]._for_xml_id("realty_base.realty_unit_action")
        action["domain"] = domain
        return action
