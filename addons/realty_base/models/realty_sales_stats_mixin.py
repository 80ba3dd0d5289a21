from collections import defaultdict

from odoo import api, fields, models


class RealtySalesStatsMixin(models.AbstractModel):
    """Unit counters and sell-through (去化率) for any record that groups units (project, building).

    Inheriting models set ``_stats_unit_field`` to the field of ``realty.unit`` that points at them.
    All counters of a recordset come from one grouped query.
    """

    _name = "realty.sales.stats.mixin"
    _description = "Real Estate Sales Counters"

    _stats_unit_field = None

    currency_id = fields.Many2one("res.currency")  # inheriting models relate it to their company
    unit_count = fields.Integer("Unit Count", compute="_compute_sales_stats")
    draft_unit_count = fields.Integer("Not Released", compute="_compute_sales_stats")
    available_unit_count = fields.Integer("Available", compute="_compute_sales_stats")
    held_unit_count = fields.Integer("Held", compute="_compute_sales_stats")
    reserved_unit_count = fields.Integer("Reserved", compute="_compute_sales_stats")
    contracted_unit_count = fields.Integer("Contracted", compute="_compute_sales_stats")
    delivered_unit_count = fields.Integer("Delivered", compute="_compute_sales_stats")
    sold_unit_count = fields.Integer("Sold Units", compute="_compute_sales_stats")
    released_area = fields.Float("Released Area (m²)", digits=(16, 2), compute="_compute_sales_stats")
    sold_area = fields.Float("Sold Area (m²)", digits=(16, 2), compute="_compute_sales_stats")
    sold_amount = fields.Monetary("Sold Amount", currency_field="currency_id", compute="_compute_sales_stats")
    sell_through_rate = fields.Float(
        "Sell-through (Units)",
        compute="_compute_sales_stats",
        help="Sold units divided by released units (every unit except those not released yet).",
    )
    sell_through_area_rate = fields.Float(
        "Sell-through (Area)",
        compute="_compute_sales_stats",
        help="Sold gross area divided by released gross area.",
    )

    @api.depends_context("uid")
    def _compute_sales_stats(self):
        stats = self._read_unit_stats()
        sold_states = set(self.env["realty.unit"]._get_sold_states())
        for record in self:
            record.update(self._sales_stats_values(stats[record._origin.id], sold_states))

    def _read_unit_stats(self):
        """Return {record id: {state: (count, gross area, standard total)}} in one query."""
        stats = defaultdict(dict)
        record_ids = [rid for rid in self._origin.ids if rid]
        if not record_ids:
            return stats
        groups = self.env["realty.unit"]._read_group(
            [(self._stats_unit_field, "in", record_ids)],
            [self._stats_unit_field, "state"],
            ["__count", "gross_area:sum", "total_price:sum"],
        )
        for record, state, count, area, amount in groups:
            stats[record.id][state] = (count, area, amount)
        return stats

    @api.model
    def _sales_stats_values(self, by_state, sold_states):
        def total(states, index):
            return sum(by_state[state][index] for state in states if state in by_state)

        released_states = set(by_state) - {"draft"}
        released_units, released_area = total(released_states, 0), total(released_states, 1)
        sold_units, sold_area = total(sold_states, 0), total(sold_states, 1)
        values = {
            f"{state}_unit_count": total([state], 0)
            for state in ("draft", "available", "held", "reserved", "contracted", "delivered")
        }
        values.update(
            unit_count=total(by_state, 0),
            sold_unit_count=sold_units,
            released_area=released_area,
            sold_area=sold_area,
            sold_amount=total(sold_states, 2),
            sell_through_rate=sold_units / released_units if released_units else 0.0,
            sell_through_area_rate=sold_area / released_area if released_area else 0.0,
        )
        return values
