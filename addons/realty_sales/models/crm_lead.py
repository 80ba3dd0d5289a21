from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import format_amount

from .realty_matching import RealtyBuyer, pick_mix, ranked_units
from odoo.addons.realty_base.models.realty_layout import ORIENTATIONS

PURPOSES = [("self_use", "Own Use"), ("investment", "Investment"), ("upgrade", "Upgrade")]
# Plain CRM users keep working: what this addon adds to leads is for the Real Estate roles only.
REALTY_GROUPS = (
    "realty_base.group_realty_salesperson,realty_base.group_realty_finance,realty_base.group_realty_executive"
)
# The needs that recommendations depend on (the form sends them unsaved; the widget learns them from the server).
NEED_FIELDS = (
    "income_monthly",
    "debt_monthly",
    "budget",
    "down_payment_available",
    "bedrooms_wanted",
    "area_min",
    "area_max",
    "floor_min",
    "floor_max",
    "orientation_wanted",
    "realty_project_id",
)
NON_NEGATIVE_NEEDS = (
    "income_monthly",
    "debt_monthly",
    "budget",
    "down_payment_available",
    "bedrooms_wanted",
    "area_min",
)
DEAL_STATES = ("confirmed", "converted")  # reservations that make the lead a deal
CANDIDATE_LIMIT = 400  # units scored in Python after the SQL filter
CANDIDATE_FIELDS = ["name", "total_price", "gross_area", "floor", "bedrooms", "orientation", "project_id", "layout_id"]


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
        "Cash Available",
        currency_field="company_currency",
        groups=REALTY_GROUPS,
        help="Cash the buyer can pay now: the whole price for full payment or short installments, the down "
        "payment for a loan.",
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
        """Open a reservation for this lead's customer (created from the lead once) and a recommended unit."""
        self.ensure_one()
        self._realty_ensure_customer()
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

    def _realty_ensure_customer(self):
        """Give each lead a customer: the contact its email matches, else one made from its contact data."""
        for lead in self.filtered(lambda lead: not lead.partner_id):
            if not (lead.contact_name or lead.partner_name or lead.email_from):
                raise UserError(
                    self.env._(
                        "Lead %(lead)s has no customer yet: enter the contact name or pick the customer first.",
                        lead=lead.name,
                    )
                )
            lead._handle_partner_assignment(force_partner_id=lead._find_matching_partner().id)

    # ------------------------------------------------------------------
    # RECOMMENDATIONS
    # ------------------------------------------------------------------

    def get_recommendations_for_form(self, needs=None, limit=20):
        """For the lead form's widget: the needs it must watch, and the recommendations for ``needs`` (the
        form's current values, saved or not) on this lead, or on a new lead when called without ids."""
        lead = self._realty_with_needs(needs or {})
        return {"need_fields": list(NEED_FIELDS), "items": lead.get_unit_recommendations(limit=limit)}

    def _realty_with_needs(self, needs):
        values = {name: needs[name] for name in NEED_FIELDS if name in needs}
        return self.new(values, origin=self.ensure_one()) if self else self.new(values)

    def get_unit_recommendations(self, limit=20):
        """Available units this lead can afford, each once with a payment plan that fits it, best first: a mix
        of plans and layouts (see :func:`~.realty_matching.pick_mix`) rather than the twenty dearest units."""
        self.ensure_one()
        plans = self.env["realty.payment.plan"].search_fetch(
            self._recommendation_plan_domain(),
            [
                "name",
                "kind",
                "discount",
                "down_payment_rate",
                "first_payment_share",
                "fixed_amount_total",
                "company_id",
            ],
        )
        buyer = self._realty_buyer()
        list_caps = {plan: plan._max_affordable_price(buyer) / (1 - plan.discount / 100.0) for plan in plans}
        if not any(list_caps.values()):
            return []
        reference = buyer.budget or max(list_caps.values())
        candidates = self._recommendation_candidates(sorted(set(list_caps.values())))
        options = [option for unit in candidates for option in self._recommend_unit(unit, plans, buyer, reference)]
        return self._add_recommendation_reasons(self._pick_mix(options, limit), buyer)

    def _recommendation_plan_domain(self):
        return [("company_id", "=", (self.company_id or self.env.company).id)]

    def _recommendation_unit_domain(self, max_list_price):
        company = self.company_id or self.env.company
        domain = Domain("state", "=", "available") & Domain("total_price", "<=", max_list_price)
        domain &= Domain("company_id", "=", company.id)
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

    def _recommendation_candidates(self, list_caps):
        """At most CANDIDATE_LIMIT units, in one query: the dearest unit of each layout under each of the
        ``list_caps`` (the plans' highest standard prices; wanted orientation first), then the next ones, so
        that every layout and plan takes part."""
        units = self.env["realty.unit"]
        domain = self._recommendation_unit_domain(list_caps[-1])
        return ranked_units(units, domain, list_caps, self.orientation_wanted, CANDIDATE_FIELDS, CANDIDATE_LIMIT)

    def _recommend_unit(self, unit, plans, buyer, reference):
        """One option per plan that makes ``unit`` affordable; all with the unit's score."""
        score = self._recommendation_score(unit, buyer, reference)
        for plan in plans:
            result = plan._evaluate_affordability(buyer, unit.total_price)
            if result["affordable"]:
                yield {
                    "unit_id": unit.id,
                    "unit_name": unit.name,
                    "payment_plan_id": plan.id,
                    "payment_plan_name": plan.name,
                    "price": result["price"],
                    "down_payment": result["down_payment"],
                    "monthly_payment": result["monthly_payment"],
                    "score": score,
                    "group": {"layout": unit.layout_id.id, "plan": plan.id},
                    "plan": plan,
                    "evaluation": result,
                }

    def _pick_mix(self, options, limit):
        return pick_mix(options, limit)

    def _add_recommendation_reasons(self, recommendations, buyer):
        for item in recommendations:
            plan, evaluation = item.pop("plan"), item.pop("evaluation")
            del item["group"]
            item["reason"] = plan._affordability_reason(buyer, evaluation)
        return recommendations

    @staticmethod
    def _recommendation_score(unit, buyer, reference):
        """0–100: how well the unit fits the wishes, and how much of what the buyer can spend (``reference``: the
        budget, else the highest standard price a plan makes affordable) it uses."""
        score = 40.0 + 30.0 * min(unit.total_price / reference, 1.0)
        if buyer.area_min and buyer.area_max:
            middle = (buyer.area_min + buyer.area_max) / 2
            score += 15.0 * max(0.0, 1 - abs(unit.gross_area - middle) / max(middle, 1.0))
        else:
            score += 7.5
        if buyer.orientation and unit.orientation == buyer.orientation:
            score += 10.0
        if buyer.bedrooms and unit.bedrooms == buyer.bedrooms:
            score += 5.0
        return round(score, 1)

    def _realty_buyer(self):
        self.ensure_one()
        return RealtyBuyer(
            cash=self.down_payment_available,
            budget=self.budget,
            repayment=self._realty_repayment_capacity(),
            bedrooms=self.bedrooms_wanted,
            area_min=self.area_min,
            area_max=self.area_max,
            orientation=self.orientation_wanted,
        )

    def _realty_repayment_capacity(self):
        share = self.company_id.realty_income_share or self.env.company.realty_income_share
        return max(self.income_monthly - self.debt_monthly, 0.0) * share / 100.0

    # ------------------------------------------------------------------
    # RESERVATION HOOKS (called by realty.reservation once its state is written)
    # ------------------------------------------------------------------

    def _realty_on_reservation_confirmed(self):
        """These leads' reservations just reserved their units: each lead becomes its customer's opportunity,
        in its pipeline's last stage before won, expecting the agreed prices."""
        for lead in self:
            deals = lead._realty_deals()
            lead._realty_ensure_customer_from(deals)
            if lead.type == "lead":
                lead.convert_opportunity(lead.partner_id)
            values = {"expected_revenue": sum(deals.mapped("price"))}
            stage = lead._realty_open_stages()[:1]
            if stage and not lead.stage_id.is_won and lead.stage_id.sequence <= stage.sequence:
                values["stage_id"] = stage.id
            lead.write(values)

    def _realty_on_reservation_released(self):
        """These leads' reservations were cancelled, rejected or expired: a lead left without a deal steps back
        from the reservation stage to the stage before it; one with deals left expects their prices."""
        for lead in self:
            deals = lead._realty_deals()
            if deals:
                lead.expected_revenue = sum(deals.mapped("price"))
                continue
            stages = lead._realty_open_stages()
            if len(stages) > 1 and lead.stage_id == stages[0]:
                lead.stage_id = stages[1]

    def _realty_deals(self):
        return self.reservation_ids.filtered(lambda reservation: reservation.state in DEAL_STATES)

    def _realty_ensure_customer_from(self, reservations):
        if not self.partner_id and reservations:
            self.partner_id = reservations[:1].partner_id

    def _realty_open_stages(self):
        """This lead's pipeline stages that are not won, last first (by sequence: names vary by company)."""
        self.ensure_one()
        return self._stage_find(domain=[("is_won", "=", False)], order="sequence desc, id desc", limit=None)
