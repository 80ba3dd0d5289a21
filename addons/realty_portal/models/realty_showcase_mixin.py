from odoo import fields, models
from odoo.exceptions import AccessError

MANAGER_GROUP = "realty_base.group_realty_manager"


class RealtyShowcaseMixin(models.AbstractModel):
    """What the showcase needs of a project or a layout: the sales manager's Publish button and the public figures
    of its units on sale. A model using it names the realty.unit field that points to it in ``_showcase_unit_field``."""

    _name = "realty.showcase.mixin"
    _description = "Published on the Portal"

    _showcase_unit_field = None

    is_published = fields.Boolean("Published on the Portal", copy=False, tracking=True, index=True)
    # plain floats: the pages print them as whole yuan, and a Monetary would cost the currency's queries per page
    public_price_min = fields.Float("Price From", compute="_compute_public_sales")
    public_price_max = fields.Float("Price To", compute="_compute_public_sales")
    public_units_on_sale = fields.Integer("Units on Sale", compute="_compute_public_sales")

    def _compute_public_sales(self):
        # sudo: the public figures of the showcase (visitors have no access to units): the range of the prices of
        # the units on sale and their count, never a unit, a buyer or an internal price; one query
        unit_field = self._showcase_unit_field
        groups = (
            self.env["realty.unit"]
            .sudo()
            ._read_group(
                [(unit_field, "in", self.ids), ("state", "=", "available")],
                [unit_field],
                ["total_price:min", "total_price:max", "__count"],
            )
        )
        figures = {record.id: (low, high, count) for record, low, high, count in groups}
        for record in self:
            low, high, count = figures.get(record._origin.id, (0.0, 0.0, 0))
            record.public_price_min, record.public_price_max, record.public_units_on_sale = low, high, count

    def _public_price_range(self):
        """The price range as the showcase prints it, in 万 (10k yuan): "194.02 万 – 215.38 万", or Sold out."""
        self.ensure_one()
        if not self.public_units_on_sale:
            return self.env._("Sold out")
        low, high = wan(self.env, self.public_price_min), wan(self.env, self.public_price_max)
        return low if low == high else f"{low} – {high}"

    def action_publish(self):
        return self._set_published(True)

    def action_unpublish(self):
        return self._set_published(False)

    def _set_published(self, published):
        """Sales managers publish without the right to edit the rest of the record (that is the admin's)."""
        self.check_access("read")
        if not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(self.env._("Only sales managers can publish on the portal."))
        self.sudo().write({"is_published": published})
        return True


def wan(env, amount):
    """An amount in 万 (10k yuan), as Chinese price lists write totals: 194.02 万."""
    return env._("%s 10k", f"{amount / 10000:,.2f}".rstrip("0").rstrip("."))
