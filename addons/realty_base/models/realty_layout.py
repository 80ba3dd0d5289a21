from odoo import api, fields, models

ORIENTATIONS = [
    ("south", "South"),
    ("north", "North"),
    ("east", "East"),
    ("west", "West"),
    ("south_north", "South-North Through"),
    ("east_west", "East-West Through"),
    ("southeast", "Southeast"),
    ("southwest", "Southwest"),
    ("northeast", "Northeast"),
    ("northwest", "Northwest"),
]


class RealtyLayout(models.Model):
    _name = "realty.layout"
    _description = "Layout"
    _inherit = ["mail.thread", "image.mixin"]
    _order = "project_id, sequence, name"
    _check_company_auto = True

    name = fields.Char("Layout Name", required=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    # no check_company: the company is the project's (a company filter would empty the picker of a new layout)
    project_id = fields.Many2one("realty.project", "Project", required=True, index=True, ondelete="restrict")
    company_id = fields.Many2one(related="project_id.company_id", store=True, index=True)
    category_id = fields.Many2one("realty.layout.category", "Category", index=True)
    bedrooms = fields.Integer("Bedrooms", compute="_compute_bedrooms", store=True, readonly=False)
    living_rooms = fields.Integer("Living Rooms", default=1)
    bathrooms = fields.Integer("Bathrooms", default=1)
    room_summary = fields.Char("Rooms", compute="_compute_room_summary")
    gross_area = fields.Float("Typical Gross Area (m²)", digits=(12, 2))
    inner_area = fields.Float("Typical Inner Area (m²)", digits=(12, 2))
    orientation = fields.Selection(ORIENTATIONS, "Orientation")
    description = fields.Html("Description", translate=True)
    image_ids = fields.One2many("realty.layout.image", "layout_id", "Floorplans")
    unit_ids = fields.One2many("realty.unit", "layout_id", "Units")
    unit_count = fields.Integer("Unit Count", compute="_compute_unit_count")

    _rooms_not_negative = models.Constraint(
        "CHECK(bedrooms >= 0 AND living_rooms >= 0 AND bathrooms >= 0)", "Room counts cannot be negative."
    )
    _areas_consistent = models.Constraint(
        "CHECK(gross_area >= 0 AND inner_area >= 0 AND inner_area <= gross_area)",
        "Layout areas cannot be negative and the inner area cannot exceed the gross area.",
    )

    @api.depends("category_id")
    def _compute_bedrooms(self):
        for layout in self:
            if layout.category_id.bedrooms:
                layout.bedrooms = layout.category_id.bedrooms

    @api.depends("bedrooms", "living_rooms", "bathrooms")
    def _compute_room_summary(self):
        for layout in self:
            layout.room_summary = self.env._(
                "%(bedrooms)s bed %(living)s living %(bath)s bath",
                bedrooms=layout.bedrooms,
                living=layout.living_rooms,
                bath=layout.bathrooms,
            )

    def _compute_unit_count(self):
        counts = dict(self.env["realty.unit"]._read_group([("layout_id", "in", self.ids)], ["layout_id"], ["__count"]))
        for layout in self:
            layout.unit_count = counts.get(layout._origin, 0)

    def action_view_units(self):
        return self.env["realty.unit"]._action_open_units([("layout_id", "in", self.ids)])
