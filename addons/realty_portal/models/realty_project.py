from odoo import fields, models
from odoo.exceptions import AccessError

MANAGER_GROUP = "realty_base.group_realty_manager"


class RealtyProject(models.Model):
    _inherit = "realty.project"

    is_published = fields.Boolean("Published on the Portal", copy=False, tracking=True, index=True)
    public_price_min = fields.Monetary("Price From", compute="_compute_public_sales")
    public_price_max = fields.Monetary("Price To", compute="_compute_public_sales")
    public_units_on_sale = fields.Integer("Units on Sale", compute="_compute_public_sales")

    def _compute_public_sales(self):
        # sudo: these aggregates are the public figures of the showcase (visitors have no access to units); they
        # expose no unit, buyer or internal price, only the range of the units on sale.
        groups = (
            self.env["realty.unit"]
            .sudo()
            ._read_group(
                [("project_id", "in", self.ids), ("state", "=", "available")],
                ["project_id"],
                ["total_price:min", "total_price:max", "__count"],
            )
        )
        figures = {project.id: (low, high, count) for project, low, high, count in groups}
        for project in self:
            low, high, count = figures.get(project._origin.id, (0.0, 0.0, 0))
            project.public_price_min, project.public_price_max, project.public_units_on_sale = low, high, count

    def action_publish(self):
        return self._set_published(True)

    def action_unpublish(self):
        return self._set_published(False)

    def _set_published(self, published):
        """Sales managers publish without the right to edit the rest of the project (that is the admin's)."""
        check_can_publish(self)
        self.sudo().write({"is_published": published})
        return True


def check_can_publish(records):
    records.check_access("read")
    if not records.env.user.has_group(MANAGER_GROUP):
        raise AccessError(records.env._("Only sales managers can publish on the portal."))
