from odoo import http
from odoo.http import request

from ..models.crm_lead import PORTAL_CHOICE_NEEDS, PORTAL_NUMBER_NEEDS
from odoo.addons.portal.controllers.portal import CustomerPortal

RECOMMENDATION_LIMIT = 12


class RealtyMyNeeds(CustomerPortal):
    """我的需求 and 为我推荐: always on the lead of the logged-in buyer's own partner (see ``crm.lead._portal_lead``)."""

    def _realty_partner(self):
        return request.env.user.partner_id

    @http.route("/my/realty/needs", type="http", auth="user", website=True, methods=["GET"])
    def portal_my_realty_needs(self, **kwargs):
        lead = request.env["crm.lead"]._portal_lead(self._realty_partner())
        needs = {name: self._realty_need_text(lead[name]) for name in self._realty_need_names()} if lead else {}
        return self._realty_render_needs(needs, {}, saved=kwargs.get("saved"))

    @http.route("/my/realty/needs", type="http", auth="user", website=True, methods=["POST"])
    def portal_my_realty_needs_save(self, **form):
        Lead = request.env["crm.lead"]
        values, errors = Lead._portal_parse_needs(form)
        if errors:
            return self._realty_render_needs(form, errors, status=400)
        Lead._portal_lead(self._realty_partner(), create=True).write(values)
        return request.redirect("/my/realty/needs?saved=1")

    @http.route("/my/realty/recommendations", type="http", auth="user", website=True, methods=["GET"])
    def portal_my_realty_recommendations(self, **kwargs):
        lead = request.env["crm.lead"]._portal_lead(self._realty_partner())
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "realty_recommendations",
                "lead": lead,
                "layouts": lead._portal_recommendations(RECOMMENDATION_LIMIT) if lead else [],
                "currency": request.env.company.currency_id,
                "visit_requested": kwargs.get("visit"),
            }
        )
        return request.render("realty_portal.portal_my_realty_recommendations", values)

    @http.route("/my/realty/visit", type="http", auth="user", website=True, methods=["POST"])
    def portal_my_realty_visit(self, unit_name=None, **kwargs):
        lead = request.env["crm.lead"]._portal_lead(self._realty_partner(), create=True)
        lead._portal_request_visit((unit_name or "")[:64] or None)
        return request.redirect("/my/realty/recommendations?visit=1")

    @staticmethod
    def _realty_need_text(value):
        """A stored need as the buyer typed it: 2400000, not 2400000.0."""
        return int(value) if isinstance(value, float) and value.is_integer() else value

    def _realty_need_names(self):
        return [name for name, *_range in PORTAL_NUMBER_NEEDS] + list(PORTAL_CHOICE_NEEDS)

    def _realty_render_needs(self, needs, errors, saved=False, status=200):
        Lead = request.env["crm.lead"]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "realty_needs",
                "needs": needs,
                "errors": errors,
                "saved": saved,
                "choices": {
                    name: Lead._fields[name]._description_selection(request.env) for name in PORTAL_CHOICE_NEEDS
                },
            }
        )
        return request.render("realty_portal.portal_my_realty_needs", values, status=status)
