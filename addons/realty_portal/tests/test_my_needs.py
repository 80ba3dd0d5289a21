import re

from odoo.tests import tagged

from .my_home_common import RealtyPortalUsersCase

GOOD_NEEDS = {
    "income_monthly": "60,000",
    "budget": "3000000",
    "down_payment_available": "2500000",
    "bedrooms_wanted": "2",
    "area_min": "80",
    "area_max": "120",
    "floor_min": "5",
    "floor_max": "20",
    "orientation_wanted": "south",
    "purchase_purpose": "self_use",
}


@tagged("post_install", "-at_install")
class TestMyNeeds(RealtyPortalUsersCase):
    """我的需求 and 为我推荐 on the buyer's own lead."""

    def _lead(self, partner=None):
        return self.env["crm.lead"]._portal_lead(partner or self.customer)

    def _post_needs(self, user, needs, with_csrf=True):
        page = self._get("/my/realty/needs", user)
        self.assertEqual(page.status_code, 200)
        data = dict(needs)
        if with_csrf:
            data["csrf_token"] = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        return self.url_open("/my/realty/needs", data=data, allow_redirects=False)

    def test_anonymous_is_sent_to_login(self):
        for url in ("/my/realty/needs", "/my/realty/recommendations"):
            with self.subTest(url=url):
                self.assertIn("/web/login", self._get(url).headers.get("Location", ""))

    def test_good_needs_create_then_update_the_lead(self):
        self.customer.user_id = self.salesperson
        response = self._post_needs(self.portal_buyer, GOOD_NEEDS)
        self.assertEqual(response.status_code, 303)
        lead = self._lead()
        self.assertEqual((lead.income_monthly, lead.budget, lead.bedrooms_wanted), (60000.0, 3000000.0, 2))
        self.assertEqual((lead.area_min, lead.area_max, lead.floor_max), (80.0, 120.0, 20))
        self.assertEqual((lead.orientation_wanted, lead.purchase_purpose), ("south", "self_use"))
        self.assertEqual(lead.user_id, self.salesperson, "the contact's salesperson serves the buyer")
        self.assertTrue(lead.is_realty)
        self._post_needs(self.portal_buyer, GOOD_NEEDS | {"budget": "2800000"})
        self.assertEqual(self._lead(), lead, "the same lead, updated")
        self.assertEqual(lead.budget, 2800000.0)
        page = self._get("/my/realty/needs", self.portal_buyer)
        self.assertIn('value="2800000"', page.text)  # as typed, not 2800000.0

    def test_new_lead_goes_to_a_salesperson(self):
        self._post_needs(self.portal_other, GOOD_NEEDS)
        salespeople = self.env.ref("realty_base.group_realty_salesperson").all_user_ids
        self.assertIn(self._lead(self.other_buyer).user_id, salespeople)

    def test_bad_needs_are_refused_with_messages(self):
        cases = {
            "income_monthly": ("abc", "Please enter a number."),
            "budget": ("-5", "Please enter a number from 0 to"),
            "down_payment_available": ("1" * 25, "This number is too long."),
            "bedrooms_wanted": ("2.5", "Please enter a whole number."),
            "area_max": ("60", "The upper limit must not be lower than the lower one."),
            "orientation_wanted": ("sky", "Please pick one of the proposed values."),
        }
        for name, (value, message) in cases.items():
            with self.subTest(field=name):
                response = self._post_needs(self.portal_buyer, GOOD_NEEDS | {name: value})
                self.assertEqual(response.status_code, 400)
                self.assertIn(message, response.text)
                self.assertFalse(self._lead(), "nothing stored")

    def test_post_without_csrf_is_refused(self):
        response = self._post_needs(self.portal_buyer, GOOD_NEEDS, with_csrf=False)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._lead())

    def test_recommendations_rich_and_modest(self):
        unit = self._released_unit(1)
        self._post_needs(self.portal_buyer, GOOD_NEEDS | {"bedrooms_wanted": "", "orientation_wanted": ""})
        page = self._get("/my/realty/recommendations", self.portal_buyer).text
        engine = self._lead().get_unit_recommendations(limit=12)
        self.assertIn(unit.name, {item["unit_name"] for item in engine}, "the lead form's engine")
        units = self.env["realty.unit"].browse([item["unit_id"] for item in engine])
        self.assertEqual(page.count("o_realty_recommended_layout"), len(units.layout_id))  # grouped by layout
        examples = sum(
            min(len(units.filtered(lambda u, layout=layout: u.layout_id == layout)), 3) for layout in units.layout_id
        )
        self.assertEqual(page.count('o_realty_recommendation"'), examples)  # at most three example units each
        self.assertIn(unit.layout_id.name, page)
        self.assertIn(engine[0]["unit_name"], page)  # the best one leads its layout
        self.assertIn(unit.layout_id.name, page)
        self.assertIn(engine[0]["reason"], page.replace("&#39;", "'"))
        modest = GOOD_NEEDS | {"income_monthly": "3000", "budget": "100000", "down_payment_available": "10000"}
        self._post_needs(self.portal_other, modest)
        page = self._get("/my/realty/recommendations", self.portal_other).text
        self.assertIn("o_realty_no_recommendation", page)
        self.assertNotIn(unit.name, page)

    def test_visit_request_is_an_activity_for_the_salesperson(self):
        self.customer.user_id = self.salesperson
        self._post_needs(self.portal_buyer, GOOD_NEEDS)
        page = self._get("/my/realty/recommendations", self.portal_buyer)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        response = self.url_open(
            "/my/realty/visit", data={"csrf_token": token, "unit_name": "1-1401"}, allow_redirects=False
        )
        self.assertEqual(response.status_code, 303)
        activity = self._lead().activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.salesperson)
        self.assertIn("1-1401", str(activity.note))
