from odoo import api, fields, models

from odoo.addons.realty_base.models.realty_layout import ORIENTATIONS
from odoo.addons.realty_sales.models.crm_lead import PURPOSES, REALTY_GROUPS

# what the buyer states on 我的需求: (field, kind, lowest, highest); amounts in the company currency
PORTAL_NUMBER_NEEDS = (
    ("income_monthly", float, 0, 10_000_000),
    ("budget", float, 0, 1_000_000_000),
    ("down_payment_available", float, 0, 1_000_000_000),
    ("bedrooms_wanted", int, 0, 10),
    ("area_min", float, 0, 2000),
    ("area_max", float, 0, 2000),
    ("floor_min", int, 0, 200),
    ("floor_max", int, 0, 200),
)
PORTAL_CHOICE_NEEDS = {"orientation_wanted": dict(ORIENTATIONS), "purchase_purpose": dict(PURPOSES)}
MAX_INPUT_LENGTH = 20  # characters of one number as typed
EXAMPLES_PER_LAYOUT = 3  # units shown for each layout recommended; the others are counted


class CrmLead(models.Model):
    """The buyer's own lead, as 我的需求 and 为我推荐 use it. Portal users have no access to leads: the lead is
    always the one of the logged-in buyer's partner (never an id sent by the browser), read and written here."""

    _inherit = "crm.lead"

    realty_layout_id = fields.Many2one(
        "realty.layout",
        "Layout of Interest",
        domain="[('project_id', '=?', realty_project_id)]",
        index="btree_not_null",
        groups=REALTY_GROUPS,
        help="The layout the customer asked about (from the portal's contact form).",
    )

    @api.model
    def _portal_create_contact_lead(self, layout, values):
        """A visitor's contact left on a layout's page: a lead with the layout, its project and the source Portal.
        ``values`` are the contact fields already checked by the form (name, phone, email, description)."""
        layout.check_access("read")  # a published layout: what the visitor could see
        project = layout.project_id
        # sudo: a visitor creates a lead (their own contact) but may read no lead; the other fields are set here
        return self.sudo().create(
            {
                **values,
                "name": self.env._("Portal: %(layout)s, %(project)s", layout=layout.name, project=project.name),
                "type": "lead",
                "company_id": layout.company_id.id,
                "realty_project_id": project.id,
                "realty_layout_id": layout.id,
                "source_id": self.env.ref("realty_portal.utm_source_portal").id,
            }
        )

    @api.model
    def _portal_lead(self, partner, create=False):
        """The buyer's latest open real-estate lead; a new one assigned to a salesperson when ``create``."""
        leads = self.sudo().with_context(active_test=True)
        lead = leads.search(
            [("partner_id", "child_of", partner.commercial_partner_id.id), ("is_realty", "=", True)],
            order="write_date desc, id desc",
            limit=1,
        )
        if lead or not create:
            return lead
        return leads.create(self._portal_lead_values(partner))

    @api.model
    def _portal_lead_values(self, partner):
        return {
            "name": self.env._("My needs: %(buyer)s", buyer=partner.name),
            "partner_id": partner.id,
            "is_realty": True,
            "user_id": self._portal_salesperson(partner).id,
        }

    @api.model
    def _portal_salesperson(self, partner):
        """Who serves the buyer: the salesperson of their latest reservation, else the contact's own salesperson,
        else the company's salesperson with the fewest open real-estate leads (a simple round robin)."""
        reservation = (
            self.env["realty.reservation"]
            .sudo()
            .search([("partner_id", "child_of", partner.commercial_partner_id.id)], order="id desc", limit=1)
        )
        return reservation.user_id or partner.user_id or self._portal_least_busy_salesperson()

    @api.model
    def _portal_least_busy_salesperson(self):
        group = self.env.ref("realty_base.group_realty_salesperson")
        users = group.sudo().all_user_ids.filtered(lambda user: user.active and self.env.company in user.company_ids)
        if not users:
            return self.env["res.users"]
        counts = dict(
            self.sudo()._read_group(
                [("user_id", "in", users.ids), ("is_realty", "=", True), ("active", "=", True)],
                ["user_id"],
                ["__count"],
            )
        )
        return min(users, key=lambda user: (counts.get(user, 0), user.id))

    @api.model
    def _portal_parse_needs(self, form):
        """(values, errors) from the posted form: numbers in range, choices among the known ones, min ≤ max."""
        values, errors = {}, {}
        for name, kind, lowest, highest in PORTAL_NUMBER_NEEDS:
            raw = (form.get(name) or "").strip().replace(",", "")
            if not raw:
                values[name] = 0
                continue
            error = self._portal_number_error(raw, kind, lowest, highest)
            if error:
                errors[name] = error
            else:
                values[name] = kind(float(raw))
        for name, choices in PORTAL_CHOICE_NEEDS.items():
            raw = form.get(name) or False
            if raw and raw not in choices:
                errors[name] = self.env._("Please pick one of the proposed values.")
            values[name] = raw
        errors.update(self._portal_range_errors(values, errors))
        return values, errors

    @api.model
    def _portal_number_error(self, raw, kind, lowest, highest):
        if len(raw) > MAX_INPUT_LENGTH:
            return self.env._("This number is too long.")
        try:
            number = float(raw)
            if kind is int and not number.is_integer():
                return self.env._("Please enter a whole number.")
        except ValueError:
            return self.env._("Please enter a number.")
        if not lowest <= number <= highest:
            return self.env._("Please enter a number from %(lowest)s to %(highest)s.", lowest=lowest, highest=highest)
        return False

    @api.model
    def _portal_range_errors(self, values, errors):
        result = {}
        for low, high in (("area_min", "area_max"), ("floor_min", "floor_max")):
            if low in errors or high in errors:
                continue
            if values.get(low) and values.get(high) and values[low] > values[high]:
                result[high] = self.env._("The upper limit must not be lower than the lower one.")
        return result

    def _portal_recommendations(self, limit):
        """为我推荐 by layout: [(layout, [example, ...], how many more)], each layout once, in the order of its best
        unit, with its first EXAMPLES_PER_LAYOUT units as examples; the recommendations are those of the lead form's
        engine (``get_unit_recommendations``)."""
        self.ensure_one()
        items = self.get_unit_recommendations(limit=limit)
        # sudo: the layouts of the units recommended (names, rooms, areas); the buyer may not read units
        units = self.env["realty.unit"].sudo().browse([item["unit_id"] for item in items])
        units.fetch(["layout_id"])
        by_layout = {}
        for item in items:
            by_layout.setdefault(units.browse(item["unit_id"]).layout_id, []).append(item)
        return [
            (layout, layout_items[:EXAMPLES_PER_LAYOUT], len(layout_items[EXAMPLES_PER_LAYOUT:]))
            for layout, layout_items in by_layout.items()
        ]

    def _portal_request_visit(self, unit_name=None):
        """The buyer asks for a visit: a to-do for the lead's salesperson."""
        self.ensure_one()
        note = self.env._("The buyer asked for a visit from the portal.")
        if unit_name:
            note = self.env._("The buyer asked for a visit of %(unit)s from the portal.", unit=unit_name)
        return self.sudo().activity_schedule(
            "mail.mail_activity_data_todo",
            summary=self.env._("Visit requested"),
            note=note,
            user_id=(self.user_id or self.env.ref("base.user_admin")).id,
        )
