from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# What a building can have; the unit generator keeps to the same bounds. Floor 0 does not exist
# (basements are -1, -2…, the ground floor is 1).
MIN_FLOOR = -10
MAX_FLOOR = 200
MAX_POSITIONS = 50


class RealtyBuilding(models.Model):
    _name = "realty.building"
    _description = "Building"
    _inherit = ["mail.thread", "realty.sales.stats.mixin"]
    _order = "project_id, sequence, id"
    _stats_unit_field = "building_id"
    _check_company_auto = True

    name = fields.Char("Building Name", required=True, tracking=True)
    code = fields.Char("Code", required=True, help="Prefix of the unit numbers, e.g. 1 gives units 1-1203.")
    sequence = fields.Integer(default=10)
    # no check_company: the company is the project's (a company filter would empty the picker of a new building)
    project_id = fields.Many2one("realty.project", "Project", required=True, index=True, ondelete="restrict")
    company_id = fields.Many2one(related="project_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    floor_count = fields.Integer("Floors", tracking=True)
    position_count = fields.Integer("Units per Floor", help="Unit positions (stacks) on each floor.")
    unit_ids = fields.One2many("realty.unit", "building_id", "Units")

    _code_project_uniq = models.Constraint(
        "UNIQUE(project_id, code)", "A building code must be unique within its project."
    )
    _dimensions_positive = models.Constraint(
        "CHECK(floor_count >= 0 AND position_count >= 0)",
        "Floors and units per floor cannot be negative.",
    )

    @api.depends("project_id.name", "name")
    def _compute_display_name(self):
        for building in self:
            building.display_name = (
                f"{building.project_id.name} {building.name}" if building.project_id else building.name
            )

    @api.constrains("floor_count", "position_count")
    def _check_dimensions(self):
        for building in self:
            if building.floor_count > MAX_FLOOR:
                raise ValidationError(
                    self.env._(
                        "%(building)s cannot have %(floors)s floors: a building has at most %(max)s.",
                        building=building.display_name,
                        floors=building.floor_count,
                        max=MAX_FLOOR,
                    )
                )
            if building.position_count > MAX_POSITIONS:
                raise ValidationError(
                    self.env._(
                        "%(building)s cannot have %(positions)s units per floor: a floor has at most %(max)s.",
                        building=building.display_name,
                        positions=building.position_count,
                        max=MAX_POSITIONS,
                    )
                )

    def action_open_unit_generator(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("realty_base.realty_unit_generator_action")
        action["context"] = {"default_building_id": self.id}
        return action

    def action_view_units(self):
        action = self.env["realty.unit"]._action_open_units([("building_id", "in", self.ids)])
        if len(self) == 1:
            action["context"] = {"default_building_id": self.id}
        return action

    def _create_units(self, vals_list):
        """Create the units of this building in one batch, refusing positions that already exist."""
        self.ensure_one()
        self._check_no_existing_units(vals_list)
        for vals in vals_list:
            vals["building_id"] = self.id
        units = self.env["realty.unit"].with_context(mail_create_nolog=True, tracking_disable=True).create(vals_list)
        highest_floor = max(units.mapped("floor"), default=0)
        if highest_floor > self.floor_count:
            self.floor_count = highest_floor
        return units

    def _check_no_existing_units(self, vals_list):
        wanted = {(vals["floor"], vals["position"]) for vals in vals_list}
        if len(wanted) < len(vals_list):
            raise UserError(self.env._("The same floor and position is listed twice."))
        existing = self.env["realty.unit"].search(
            [("building_id", "=", self.id), ("floor", "in", list({floor for floor, _pos in wanted}))]
        )
        clashes = existing.filtered(lambda unit: (unit.floor, unit.position) in wanted)
        if clashes:
            raise UserError(
                self.env._(
                    "These units already exist in %(building)s: %(units)s. Nothing was created.",
                    building=self.display_name,
                    units=", ".join(clashes[:20].mapped("name")),
                )
            )
