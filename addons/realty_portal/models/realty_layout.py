from odoo import fields, models

from .realty_project import check_can_publish

# what the showcase shows of a unit on sale: never its number, notes, reservations or buyers
PUBLIC_UNIT_FIELDS = ["building_id", "floor", "gross_area", "total_price"]


class RealtyLayout(models.Model):
    _inherit = "realty.layout"

    is_published = fields.Boolean("Published on the Portal", copy=False, tracking=True, index=True)
    efficiency = fields.Float("Efficiency (%)", compute="_compute_efficiency", help="Inner area / gross area.")
    public_price_min = fields.Monetary("Price From", compute="_compute_public_sales", currency_field="currency_id")
    public_price_max = fields.Monetary("Price To", compute="_compute_public_sales", currency_field="currency_id")
    public_units_on_sale = fields.Integer("Units on Sale", compute="_compute_public_sales")
    currency_id = fields.Many2one(related="project_id.currency_id")
    # the showcase shows a category by its name: visitors have no access to the categories themselves
    category_name = fields.Char(related="category_id.name", string="Category Name")

    def _compute_efficiency(self):
        for layout in self:
            layout.efficiency = 100.0 * layout.inner_area / layout.gross_area if layout.gross_area else 0.0

    def _compute_public_sales(self):
        # sudo: public aggregates of the units on sale (see realty.project._compute_public_sales), one query.
        groups = (
            self.env["realty.unit"]
            .sudo()
            ._read_group(
                [("layout_id", "in", self.ids), ("state", "=", "available")],
                ["layout_id"],
                ["total_price:min", "total_price:max", "__count"],
            )
        )
        figures = {layout.id: (low, high, count) for layout, low, high, count in groups}
        for layout in self:
            low, high, count = figures.get(layout._origin.id, (0.0, 0.0, 0))
            layout.public_price_min, layout.public_price_max, layout.public_units_on_sale = low, high, count

    def _public_units_on_sale(self):
        """The units of this layout on sale, with their public facts only (visitors have no access to units).
        Only if the layout itself is public: the caller must be able to read it."""
        self.ensure_one()
        self.check_access("read")
        # sudo: the public facts (PUBLIC_UNIT_FIELDS) of the units on sale, fetched explicitly
        return (
            self.env["realty.unit"]
            .sudo()
            .search_fetch(
                [("layout_id", "=", self.id), ("state", "=", "available")], PUBLIC_UNIT_FIELDS, order="total_price"
            )
        )

    def action_publish(self):
        return self._set_published(True)

    def action_unpublish(self):
        return self._set_published(False)

    def _set_published(self, published):
        check_can_publish(self)
        self.sudo().write({"is_published": published})
        return True
