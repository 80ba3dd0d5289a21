import math
import re

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request
from odoo.tools import email_normalize

from ..models.realty_showcase_mixin import wan
from odoo.addons.realty_sales.models.realty_matching import RealtyBuyer

# The showcase reads as the visitor: public and portal users may read the published projects and layouts and their
# pictures (security/ir_rule_showcase.xml), nothing else. What it shows of units and payment
# plans comes from the models' public methods (realty.layout._public_units_on_sale,
# realty.payment.plan._public_plans), which return only the public facts of what is on sale.
PROJECT_FIELDS = ["name", "city", "district", "street", "presale_permit_no", "opening_date", "description"]
LAYOUT_FIELDS = [
    "name",
    "project_id",
    "category_id",
    "category_name",
    "bedrooms",
    "living_rooms",
    "bathrooms",
    "gross_area",
    "inner_area",
    "orientation",
    "description",
]
COMPARE_MIN, COMPARE_MAX = 2, 4
# a buyer who can afford anything: the payment plans then only estimate the payments
ANY_BUYER = RealtyBuyer(math.inf, 0.0, math.inf, 0, 0.0, 0.0, "")


class RealtyShowcase(http.Controller):
    # ------------------------------------------------------------------
    # PUBLIC DATA
    # ------------------------------------------------------------------

    def _public_projects(self, domain=()):
        return request.env["realty.project"].search_fetch(
            [("is_published", "=", True), *domain], PROJECT_FIELDS, order="sequence, id"
        )

    def _public_layouts(self, domain=()):
        return request.env["realty.layout"].search_fetch(
            [("is_published", "=", True), ("project_id.is_published", "=", True), *domain], LAYOUT_FIELDS
        )

    def _public_project(self, project_id):
        project = self._public_projects([("id", "=", project_id)])
        if not project:
            raise NotFound()
        return project

    def _public_layout(self, layout_id):
        layout = self._public_layouts([("id", "=", layout_id)])
        if not layout:
            raise NotFound()
        return layout

    def _layout_counts(self, projects):
        groups = self._public_layouts([("project_id", "in", projects.ids)])._read_group([], ["project_id"], ["__count"])
        return {project.id: count for project, count in groups}

    # ------------------------------------------------------------------
    # PAGES
    # ------------------------------------------------------------------

    @http.route("/realty", type="http", auth="public", website=True, sitemap=False, readonly=True)
    def showcase_projects(self):
        projects = self._public_projects()
        return request.render(
            "realty_portal.showcase_projects",
            {"projects": projects, "layout_counts": self._layout_counts(projects)},
        )

    @http.route("/realty/<int:project_id>", type="http", auth="public", website=True, sitemap=False, readonly=True)
    def showcase_project(self, project_id):
        project = self._public_project(project_id)
        layouts = self._public_layouts([("project_id", "=", project.id)])
        categories = {}  # category id: (name, layouts)
        for layout in layouts:
            categories.setdefault(layout.category_id.id, (layout.category_name, []))[1].append(layout)
        images = request.env["realty.project.image"].search_fetch(
            [("project_id", "=", project.id)], ["name"], order="sequence, id"
        )
        return request.render(
            "realty_portal.showcase_project",
            {"project": project, "images": images, "categories": list(categories.values())},
        )

    @http.route("/realty/layout/<int:layout_id>", type="http", auth="public", website=True, sitemap=False)
    def showcase_layout(self, layout_id, **kwargs):
        layout = self._public_layout(layout_id)
        return self._render_layout(layout, kwargs.get("sent") == "1")

    def _render_layout(self, layout, sent=False, errors=None, values=None):
        images = request.env["realty.layout.image"].search_fetch(
            [("layout_id", "=", layout.id)], ["name"], order="sequence, id"
        )
        return request.render(
            "realty_portal.showcase_layout",
            {
                "layout": layout,
                "images": images,
                "unit_rows": self._unit_rows(layout._public_units_on_sale()),
                "sent": sent,
                "errors": errors or {},
                "values": values or {},
            },
            status=400 if errors else 200,
        )

    def _unit_rows(self, units):
        """The units on sale as rows (building, floor, area, total price, how many): identical flats once, as the
        visitor cannot tell them apart (their numbers are not shown)."""
        rows = {}
        for unit in units:
            key = (unit.building_id.name, unit.floor, unit.gross_area, unit.total_price)
            rows[key] = rows.get(key, 0) + 1
        return [(*key, count) for key, count in rows.items()]

    @http.route("/realty/compare", type="http", auth="public", website=True, sitemap=False, readonly=True)
    def showcase_compare(self, ids="", **kwargs):
        wanted = [int(part) for part in re.findall(r"\d+", ids)][:COMPARE_MAX]
        layouts = self._public_layouts([("id", "in", wanted)]).sorted(lambda layout: wanted.index(layout.id))
        return request.render(
            "realty_portal.showcase_compare",
            {
                "layouts": layouts,
                "enough": len(layouts) >= COMPARE_MIN,
                "ids": ",".join(str(layout.id) for layout in layouts),
                "rows": self._compare_rows(layouts),
                "plan_rows": self._compare_plan_rows(layouts),
            },
        )

    # ------------------------------------------------------------------
    # COMPARISON
    # ------------------------------------------------------------------

    def _compare_rows(self, layouts):
        """[(label, [cell per layout], differs)]: the facts compared side by side."""
        _ = request.env._
        facts = [
            (_("Project"), lambda layout: layout.project_id.name),
            (_("Gross area"), lambda layout: f"{layout.gross_area:g} m²"),
            (_("Inner area"), lambda layout: f"{layout.inner_area:g} m²"),
            (_("Efficiency"), lambda layout: f"{layout.efficiency:.1f} %"),
            (_("Rooms"), lambda layout: layout.room_summary),
            (_("Orientation"), lambda layout: self._selection_label(layout, "orientation")),
            (_("Price range"), lambda layout: layout._public_price_range()),
            (_("Units on sale"), lambda layout: str(layout.public_units_on_sale)),
        ]
        rows = []
        for label, cell in facts:
            cells = [cell(layout) for layout in layouts]
            rows.append((label, cells, len(set(cells)) > 1))
        return rows

    def _compare_plan_rows(self, layouts):
        """[(plan name, [(down payment, monthly payment) or None per layout], differs)]: each payment plan of the
        layouts' companies, evaluated by realty.payment.plan at the lowest price on sale of each layout."""
        plans = request.env["realty.payment.plan"]._public_plans(layouts.company_id)
        rows = []
        for plan in plans:
            cells = [self._plan_estimate(plan, layout) for layout in layouts]
            rows.append((plan.name, cells, len(set(cells)) > 1))
        return rows

    def _plan_estimate(self, plan, layout):
        if plan.company_id != layout.company_id or not layout.public_units_on_sale:
            return None
        evaluation = plan._evaluate_affordability(ANY_BUYER, layout.public_price_min)
        if plan.fixed_amount_total > evaluation["price"]:
            return None
        monthly = evaluation["monthly_payment"]
        return (wan(request.env, evaluation["down_payment"]), f"{monthly:,.0f}" if monthly else "–")

    def _selection_label(self, record, field_name):
        return dict(record._fields[field_name]._description_selection(request.env)).get(record[field_name], "")

    # ------------------------------------------------------------------
    # CONTACT FORM
    # ------------------------------------------------------------------

    @http.route(
        "/realty/layout/<int:layout_id>/contact",
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
        sitemap=False,
    )
    def showcase_contact(self, layout_id, **post):
        layout = self._public_layout(layout_id)
        values = {key: (post.get(key) or "").strip() for key in ("name", "phone", "email", "message")}
        errors = self._contact_errors(values)
        if errors:
            return self._render_layout(layout, errors=errors, values=values)
        self._create_lead(layout, values)
        return request.redirect(f"/realty/layout/{layout.id}?sent=1#contact")

    def _contact_errors(self, values):
        _ = request.env._
        errors = {}
        if not values["name"]:
            errors["name"] = _("Please enter your name.")
        elif len(values["name"]) > 64:
            errors["name"] = _("Your name can be at most 64 characters long.")
        if not re.fullmatch(r"\+?[0-9][0-9 \-]{6,19}", values["phone"]):
            errors["phone"] = _("Please enter a valid phone number (7 to 20 digits).")
        if values["email"] and not email_normalize(values["email"]):
            errors["email"] = _("Please enter a valid email address or leave it empty.")
        if len(values["message"]) > 1000:
            errors["message"] = _("Your message can be at most 1000 characters long.")
        return errors

    def _create_lead(self, layout, values):
        return request.env["crm.lead"]._portal_create_contact_lead(
            layout,
            {
                "contact_name": values["name"],
                "phone": values["phone"],
                "email_from": values["email"] or False,
                "description": self._lead_description(layout, values),
            },
        )

    def _lead_description(self, layout, values):
        interest = request.env._("Interested in layout %(layout)s (id %(id)s).", layout=layout.name, id=layout.id)
        return "\n\n".join(filter(None, [interest, values["message"]]))
