from odoo import fields, models

# what the showcase shows of a unit on sale: never its number, notes, reservations or buyers
PUBLIC_UNIT_FIELDS = ["building_id", "floor", "gross_area", "total_price"]


class RealtyLayout(models.Model):
    _name = "realty.layout"
    _inherit = ["realty.layout", "realty.showcase.mixin"]

    _showcase_unit_field = "layout_id"

    efficiency = fields.Float("Efficiency (%)", compute="_compute_efficiency", help="Inner area / gross area.")
    # the showcase shows a category by its name: visitors have no access to the categories themselves
    category_name = fields.Char(related="category_id.name", string="Category Name")

    def _compute_efficiency(self):
        for layout in self:
            layout.efficiency = 100.0 * layout.inner_area / layout.gross_area if layout.gross_area else 0.0

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
