from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from ..models.realty_building import MAX_FLOOR, MAX_POSITIONS, MIN_FLOOR

MAX_UNITS_PER_RUN = 3000


class RealtyUnitGenerator(models.TransientModel):
    """Create a building's units from floors × positions, with a price step per floor (楼层差价)."""

    _name = "realty.unit.generator"
    _description = "Unit Generator"

    building_id = fields.Many2one("realty.building", "Building", required=True, ondelete="cascade")
    project_id = fields.Many2one(related="building_id.project_id")
    currency_id = fields.Many2one(related="building_id.currency_id")
    floor_from = fields.Integer("From Floor", required=True, default=1)
    floor_to = fields.Integer("To Floor", compute="_compute_floor_to", store=True, readonly=False)
    skipped_floors = fields.Char("Skipped Floors", help="Floor numbers that do not exist, e.g. 4, 13, 14.")
    base_unit_price = fields.Monetary("Base Unit Price", help="Standard price per m² on the first generated floor.")
    floor_price_step = fields.Monetary("Price Step per Floor", help="Added to the price per m² for each floor up.")
    release = fields.Boolean("Release for Sale", help="Generated units are available at once instead of not released.")
    line_ids = fields.One2many(
        "realty.unit.generator.line",
        "generator_id",
        "Positions",
        compute="_compute_line_ids",
        store=True,
        readonly=False,
    )
    unit_count = fields.Integer("Units to Create", compute="_compute_unit_count")
    input_warning = fields.Char("Warning", compute="_compute_unit_count")

    @api.depends("building_id")
    def _compute_floor_to(self):
        for wizard in self:
            wizard.floor_to = wizard.building_id.floor_count or wizard.floor_from

    @api.depends("building_id")
    def _compute_line_ids(self):
        for wizard in self:
            layouts = wizard.building_id.project_id.layout_ids
            wizard.line_ids = [Command.clear()] + [
                Command.create(wizard._prepare_line_values(position, layouts))
                for position in range(1, (wizard.building_id.position_count or 0) + 1)
            ]

    def _prepare_line_values(self, position, layouts):
        layout = layouts[(position - 1) % len(layouts)] if layouts else layouts
        return {"position": position, "layout_id": layout.id}

    @api.depends("floor_from", "floor_to", "skipped_floors", "line_ids", "line_ids.position")
    def _compute_unit_count(self):
        for wizard in self:
            try:
                wizard._check_limits()
                wizard.unit_count = len(wizard._get_floors()) * len(wizard.line_ids)
                wizard.input_warning = False
            except UserError as error:
                wizard.unit_count = 0
                wizard.input_warning = error.args[0]

    def action_generate(self):
        self.ensure_one()
        self._check_input()
        units = self.building_id._create_units(self._prepare_unit_vals_list())
        if self.release:
            units.action_release()
        return units._action_open_units([("building_id", "=", self.building_id.id)])

    def _check_input(self):
        if not self.line_ids:
            raise UserError(self.env._("Add at least one position to generate units."))
        self._check_limits()
        if not self._get_floors():
            raise UserError(self.env._("There is no floor left to generate."))
        positions = self.line_ids.mapped("position")
        if len(set(positions)) < len(positions):
            raise UserError(self.env._("Each position can be listed only once."))
        self.line_ids._check_input()
        floors = self._get_floors()
        if any(self._unit_price(floor, line) < 0 for floor in (floors[0], floors[-1]) for line in self.line_ids):
            raise UserError(self.env._("These settings would give a negative unit price."))

    def _check_limits(self):
        """Refuse floors, positions and run sizes beyond what a building has, before counting anything."""
        for floor in (self.floor_from, self.floor_to):
            if not MIN_FLOOR <= floor <= MAX_FLOOR:
                raise UserError(
                    self.env._(
                        "Floor %(floor)s is out of range: floors go from %(min)s to %(max)s.",
                        floor=floor,
                        min=MIN_FLOOR,
                        max=MAX_FLOOR,
                    )
                )
            if not floor:
                raise UserError(self.env._("There is no floor 0: basements are -1, -2… and the ground floor is 1."))
        if self.floor_from > self.floor_to:
            raise UserError(self.env._("The first floor must not be above the last floor."))
        for position in self.line_ids.mapped("position"):
            if not 0 < position <= MAX_POSITIONS:
                raise UserError(
                    self.env._(
                        "Position %(position)s is out of range: positions go from 1 to %(max)s.",
                        position=position,
                        max=MAX_POSITIONS,
                    )
                )
        count = len(self._get_floors()) * len(self.line_ids)
        if count > MAX_UNITS_PER_RUN:
            raise UserError(
                self.env._(
                    "These settings give %(count)s units, more than the %(max)s that can be generated at once: "
                    "generate the building in several runs of fewer floors.",
                    count=count,
                    max=MAX_UNITS_PER_RUN,
                )
            )

    def _get_floors(self):
        skipped = self._parse_skipped_floors()
        return [floor for floor in range(self.floor_from, self.floor_to + 1) if floor and floor not in skipped]

    def _parse_skipped_floors(self):
        text = (self.skipped_floors or "").replace("，", ",").replace("、", ",").replace(" ", ",")
        try:
            return {int(part) for part in text.split(",") if part}
        except ValueError:
            raise UserError(
                self.env._("Skipped floors must be whole numbers separated by commas, e.g. 4, 13, 14.")
            ) from None

    def _prepare_unit_vals_list(self):
        return [self._prepare_unit_vals(floor, line) for floor in self._get_floors() for line in self.line_ids]

    def _prepare_unit_vals(self, floor, line):
        return {
            "floor": floor,
            "position": line.position,
            "layout_id": line.layout_id.id,
            "gross_area": line.gross_area,
            "inner_area": line.inner_area,
            "orientation": line.orientation,
            "unit_price": self._unit_price(floor, line),
        }

    def _unit_price(self, floor, line):
        return self.base_unit_price + line.price_adjustment + (floor - self.floor_from) * self.floor_price_step
