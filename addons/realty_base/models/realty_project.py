from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date


class RealtyProject(models.Model):
    _name = "realty.project"
    _description = "Real Estate Project"
    _inherit = ["mail.thread", "mail.activity.mixin", "image.mixin", "realty.sales.stats.mixin"]
    _order = "sequence, id"
    _stats_unit_field = "project_id"

    name = fields.Char("Project Name", required=True, tracking=True)
    code = fields.Char("Code", tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", "Company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    city = fields.Char("City")
    district = fields.Char("District")
    street = fields.Char("Address")
    presale_permit_no = fields.Char("Presale Permit No.", tracking=True)
    opening_date = fields.Date("Opening Date", tracking=True)
    delivery_date = fields.Date("Delivery Date", tracking=True)
    description = fields.Html("Description", translate=True)
    image_ids = fields.One2many("realty.project.image", "project_id", "Gallery")
    building_ids = fields.One2many("realty.building", "project_id", "Buildings")
    layout_ids = fields.One2many("realty.layout", "project_id", "Layouts")
    building_count = fields.Integer("Building Count", compute="_compute_building_count")

    _code_company_uniq = models.UniqueIndex(
        "(company_id, code) WHERE code IS NOT NULL", "A project code must be unique within a company."
    )

    @api.depends("building_ids")
    def _compute_building_count(self):
        counts = dict(
            self.env["realty.building"]._read_group([("project_id", "in", self.ids)], ["project_id"], ["__count"])
        )
        for project in self:
            project.building_count = counts.get(project._origin, 0)

    @api.constrains("opening_date", "delivery_date")
    def _check_dates(self):
        for project in self:
            if project.opening_date and project.delivery_date and project.opening_date > project.delivery_date:
                raise ValidationError(
                    self.env._(
                        "The opening date of %(project)s (%(opening)s) is after its delivery date (%(delivery)s): "
                        "a project opens for sale before it is delivered.",
                        project=project.name,
                        opening=format_date(self.env, project.opening_date),
                        delivery=format_date(self.env, project.delivery_date),
                    )
                )

    def action_view_units(self):
        action = self.env["realty.unit"]._action_open_units([("project_id", "in", self.ids)])
        if len(self) == 1:
            action["context"] = {"realty_project_id": self.id}
        return action

    def action_view_buildings(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("realty_base.realty_building_action")
        action["domain"] = [("project_id", "in", self.ids)]
        action["context"] = {"default_project_id": self[:1].id}
        return action
