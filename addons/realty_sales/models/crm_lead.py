from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain
from odoo.tools import format_amount

from odoo.addons.realty_base.models.realty_layout import ORIENTATIONS

PURPOSES = [("self_use", "Own Use"), ("investment", "Investment"), ("upgrade", "Upgrade")]
# Plain CRM users keep working: what this addon adds to leads is for the Real Estate roles only.
REALTY_GROUPS = (
    "realty_base.group_realty_salesperson,realty_base.group_realty_finance,realty_base.group_realty_executive"
)
NON_NEGATIVE_NEEDS = (
    "income_monthly",
    "debt_monthly",
    "budget",
    "down_payment_available",
    "bedrooms_wanted",
    "area_min",
)
CANDIDATE_LIMIT = 400  # units scored in Python after the SQL filter, best-priced first


class CrmLead(models.Model):
    _inherit = "crm.lead"

    is_realty = fields.Boolean(
        "Real Estate",
        compute="_compute_is_realty",
        store=True,
        readonly=False,
        index=True,
        groups=REALTY_GROUPS,
        help="A lead of the sales office, shown in the Real Estate pipeline: created there, or with a preferred "
        "project, a visit or a reservation.",
    )
    income_monthly = fields.Monetary(
        "Household Monthly Income", currency_field="company_currency", groups=REALTY_GROUPS
    )
    debt_monthly = fields.Monetary("Monthly Debt Payments", currency_field="company_currency", groups=REALTY_GROUPS)
    budget = fields.Monetary(
        "Total Budget", currency_field="company_currency", groups=REALTY_GROUPS, help="The most the buyer will pay."
    )
    down_payment_available = fields.Monetary(
        "Down Payment Available", currency_field="company_currency", groups=REALTY_GROUPS
    )
    bedrooms_wanted = fields.Integer("Bedrooms Wanted", groups=REALTY_GROUPS)
    area_min = fields.Float("Area From (m²)", groups=REALTY_GROUPS)
    area_max = fields.Float("Area To (m²)", groups=REALTY_GROUPS)
    floor_min = fields.Integer("Floor From", groups=REALTY_GROUPS)
    floor_max = fields.Integer("Floor To", groups=REALTY_GROUPS)
    orientation_wanted = fields.Selection(ORIENTATIONS, "Orientation Wanted", groups=REALTY_GROUPS)
    purchase_purpose = fields.Selection(PURPOSES, "Purpose", groups=REALTY_GROUPS)
    realty_project_id = fields.Many2one("realty.project", "Preferred Project", groups=REALTY_GROUPS)
    visit_ids = fields.One2many("realty.visit", "lead_id", "Visits", groups=REALTY_GROUPS)
    visit_count = fields.Integer("Visit Count", compute="_compute_visit_count", groups=REALTY_GROUPS)
    reservation_ids = fields.One2many("realty.reservation", "lead_id", "Reservations", groups=REALTY_GROUPS)
    reservation_count = fields.Integer("Reservation Count", compute="_compute_reservation_count", groups=REALTY_GROUPS)

    _realty_area_range = models.Constraint(
        "CHECK(area_max = 0 OR area_min <= area_max)", "The wanted area range is reversed."
    )
    _realty_floor_range = models.Constraint(
        "CHECK(floor_max = 0 OR floor_min <= floor_max)", "The wanted floor range is reversed."
    )

    @api.depends("realty_project_id", "visit_ids", "reservation_ids")
    def _compute_is_realty(self):
        for lead in self:
            lead.is_realty = lead.is_realty or bool(lead.realty_project_id or lead.visit_ids or lead.reservation_ids)

    def _compute_visit_count(self):
        counts = dict(self.env["realty.visit"]._read_group([("lead_id", "in", self.ids)], ["lead_id"], ["__count"]))
        for lead in self:
            lead.visit_count = counts.get(lead._origin, 0)

    def _compute_reservation_count(self):
        counts = dict(
            self.env["realty.reservation"]._read_group([("lead_id", "in", self.ids)], ["lead_id"], ["__count"])
        )
        for lead in self:
            lead.reservation_count = counts.get(lead._origin, 0)

    @api.constrains(*NON_NEGATIVE_NEEDS)
    def _check_needs_not_negative(self):
        for lead in self:
            for name in NON_NEGATIVE_NEEDS:
                if lead[name] < 0:
                    raise ValidationError(
                        self.env._(
                            "%(field)s cannot be negative (lead %(lead)s: %(value)s).",
                            field=self._fields[name]._description_string(self.env),
                            lead=lead.name,
                            value=lead._realty_format(name),
                        )
                    )

    def _realty_format(self, name):
        if self._fields[name].type == "monetary":
            return format_amount(self.env, self[name], self.company_currency or self.env.company.currency_id)
        return str(self[name])

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    def action_view_reservations(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("realty_sales.realty_reservation_action")
        action["domain"] = [("lead_id", "in", self.ids)]
        action["context"] = self._reservation_defaults()
        return action

    def action_reserve_unit(self, unit_id, payment_plan_id):
        """Open a reservation prefilled from this lead and one of its recommendations."""
        self.ensure_one()
        context = self._reservation_defaults() | {
            "default_unit_id": unit_id,
            "default_payment_plan_id": payment_plan_id,
        }
        return self.env["realty.reservation"]._action_new(context)

    def _reservation_defaults(self):
        return {
            "default_lead_id": self[:1].id,
            "default_partner_id": self[:1].partner_id.id,
            "default_user_id": (self[:1].user_id or self.env.user).id,
        }

    # ------------------------------------------------------------------
    # RECOMMENDATIONS
    # ------------------------------------------------------------------

    def get_unit_recommendations(self, limit=20):
        """Available units this lead can afford, best first, each with the payment plan that fits it."""
        self.ensure_one()
        plans = self.env["realty.payment.plan"].search_fetch(
            self._recommendation_plan_domain(),
            ["name", "kind", "discount", "down_payment_rate", "first_payment_share", "company_id"],
        )
        if not plans:
            return []
        candidates = self.env["realty.unit"].search_fetch(
            self._recommendation_unit_domain(plans),
            ["name", "total_price", "gross_area", "floor", "bedrooms", "orientation", "project_id"],
            order="total_price desc",
            limit=CANDIDATE_LIMIT,
        )
        scored = [item for unit in candidates if (item := self._recommend_unit(unit, plans))]
        scored.sort(key=lambda item: item["score"], reverse=True)
        return self._add_recommendation_reasons(scored[:limit])

    def _recommendation_plan_domain(self):
        return [("company_id", "=", (self.company_id or self.env.company).id)]

    def _recommendation_unit_domain(self, plans):
        domain = Domain("state", "=", "available") & Domain("total_price", "<=", self._max_list_price(plans))
        if self.realty_project_id:
            domain &= Domain("project_id", "=", self.realty_project_id.id)
        if self.bedrooms_wanted:
            domain &= Domain("bedrooms", "=", self.bedrooms_wanted)
        if self.area_min:
            domain &= Domain("gross_area", ">=", self.area_min)
        if self.area_max:
            domain &= Domain("gross_area", "<=", self.area_max)
        if self.floor_min:
            domain &= Domain("floor", ">=", self.floor_min)
        if self.floor_max:
            domain &= Domain("floor", "<=", self.floor_max)
        return domain

    def _max_list_price(self, plans):
        """The highest standard price any plan could make affordable: an upper bound for the SQL filter."""
        return max(plan._max_affordable_price(self) / (1 - plan.discount / 100.0) for plan in plans)

    def _recommend_unit(self, unit, plans):
        """The cheapest plan that makes ``unit`` affordable, scored; None when no plan does."""
        evaluations = [(plan, plan._evaluate_affordability(self, unit.total_price)) for plan in plans]
        affordable = [(plan, result) for plan, result in evaluations if result["affordable"]]
        if not affordable:
            return None
        plan, result = min(affordable, key=lambda pair: pair[1]["price"])
        return {
            "unit_id": unit.id,
            "unit_name": unit.name,
            "payment_plan_id": plan.id,
            "payment_plan_name": plan.name,
            "price": result["price"],
            "down_payment": result["down_payment"],
            "monthly_payment": result["monthly_payment"],
            "score": self._recommendation_score(unit, result),
            "plan": plan,
            "evaluation": result,
        }

    def _add_recommendation_reasons(self, recommendations):
        for item in recommendations:
            plan, evaluation = item.pop("plan"), item.pop("evaluation")
            item["reason"] = plan._affordability_reason(self, evaluation)
        return recommendations

    def _recommendation_score(self, unit, result):
        """0–100: how well the unit fits the wishes, and how much of the budget it uses without straining it."""
        score = 40.0
        if self.budget:
            score += 30.0 * min(result["price"] / self.budget, 1.0)
        if self.area_min and self.area_max:
            middle = (self.area_min + self.area_max) / 2
            score += 15.0 * max(0.0, 1 - abs(unit.gross_area - middle) / max(middle, 1.0))
        else:
            score += 7.5
        if self.orientation_wanted and unit.orientation == self.orientation_wanted:
            score += 10.0
        if self.bedrooms_wanted and unit.bedrooms == self.bedrooms_wanted:
            score += 5.0
        return round(score, 1)

    # ------------------------------------------------------------------
    # RESERVATION HOOKS (called by realty.reservation)
    # ------------------------------------------------------------------

    def _realty_on_reservation_confirmed(self):
        """These leads' reservations just reserved their units."""

    def _realty_on_reservation_released(self):
        """These leads' reservations were cancelled, rejected or expired."""

    def _realty_repayment_capacity(self):
        share = self.company_id.realty_income_share or self.env.company.realty_income_share
        return max(self.income_monthly - self.debt_monthly, 0.0) * share / 100.0
