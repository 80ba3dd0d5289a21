"""Matching leads to units: the pieces that need no model (a lead's means, the candidate query, the mix)."""

from typing import NamedTuple

from odoo.tools import SQL
from odoo.tools.query import Query

# Rounds of the mix: the best unit of each plan, of each layout, of each (layout, plan), then of the rest.
MIX_ROUNDS = (("plan",), ("layout",), ("layout", "plan"), ())


class RealtyBuyer(NamedTuple):
    """A lead's means and wishes, read once: matching evaluates them thousands of times (and fields with
    groups check access on every read)."""

    cash: float
    budget: float
    repayment: float  # the monthly loan repayment the household's income allows
    bedrooms: int
    area_min: float
    area_max: float
    orientation: str

    def within_budget(self, price):
        return not self.budget or price <= self.budget

    def budget_cap(self, price):
        """``price``, or the budget when there is one and it is lower."""
        return min(price, self.budget) if self.budget else price


def ranked_units(units, domain, list_caps, orientation, field_names, limit):
    """At most ``limit`` of the ``units`` matching ``domain`` (record rules apply), fetched in one query: the
    dearest unit of each layout under each of the ascending ``list_caps`` first (``orientation`` first),
    then the second dearest, and so on."""
    ranked = units._search(domain)

    def column(name):
        return units._field_to_sql(units._table, name, ranked)

    preference = SQL("%s = %s", column("orientation"), orientation or None)
    rank = SQL(
        "row_number() OVER (PARTITION BY %s, width_bucket(%s, %s::numeric[]) ORDER BY %s DESC NULLS LAST, %s DESC)",
        column("layout_id"),
        column("total_price"),
        list_caps,
        preference,
        column("total_price"),
    )
    columns = [SQL("%s AS %s", column(name), SQL.identifier(name)) for name in field_names]
    selected = ranked.select(SQL.identifier(units._table, "id"), *columns, SQL("%s AS realty_rank", rank))
    query = Query(units.env, units._table, SQL("(%s)", selected))  # the ranked units, under the units' alias
    query.order = SQL(
        "%s, %s DESC, %s", *(SQL.identifier(units._table, name) for name in ("realty_rank", "total_price", "id"))
    )
    query.limit = limit
    return units._fetch_query(query, units._determine_fields_to_fetch(field_names))


def pick_mix(options, limit):
    """Each unit once, in rounds: the best unit of each plan, of each layout, of each (layout, plan), then the
    best of the others. A unit picked for a group shows that group's plan, otherwise its cheapest one."""
    options = sorted(options, key=lambda option: (-option["score"], option["price"]))
    picked, units = [], set()
    for names in MIX_ROUNDS:
        covered = {mix_group(option, names) for option in picked} if names else set()
        for option in options:
            group = mix_group(option, names)
            if option["unit_id"] not in units and group not in covered:
                picked.append(option)
                units.add(option["unit_id"])
                covered.add(group)
    return sorted(picked[:limit], key=lambda option: (-option["score"], option["price"]))


def mix_group(option, names):
    """The group of ``option`` in a round of the mix; in the last round (no names), its own unit."""
    return tuple(option["group"][name] for name in names) or option["unit_id"]
