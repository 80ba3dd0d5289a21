from odoo.tests import HttpCase, tagged

from .common import RealtySalesCase


@tagged("post_install", "-at_install")
class TestLeadUi(HttpCase, RealtySalesCase):
    """The lead form in a real browser, as the salesperson who owns the lead."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.building.write({"name": "Tour Tower", "code": "T"})
        cls.big_unit = cls._create_unit(
            8, 2, layout_id=cls.layout_3br.id, gross_area=120.0, inner_area=98.0, unit_price=18000.0
        )  # T-802: 2,160,000
        cls.big_unit.action_release()
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Tour Buyer",
                "contact_name": "Chen Jing",
                "phone": "139 0000 2222",
                "type": "opportunity",
                "user_id": cls.salesperson.id,
                "realty_project_id": cls.project.id,
            }
        )

    def test_recommendations_follow_the_needs_and_reserve_for_the_leads_customer(self):
        self.start_tour(
            "/odoo/action-realty_sales.crm_lead_action_realty",
            "realty_sales_lead_recommendations",
            login="realty_sales",
        )
        self.assertEqual(
            (self.lead.down_payment_available, self.lead.bedrooms_wanted, self.lead.income_monthly),
            (2_100_000.0, 3, 40000.0),
        )
        reservation = self.env["realty.reservation"].search([("lead_id", "=", self.lead.id)])
        self.assertEqual((reservation.unit_id, reservation.state), (self.big_unit, "confirmed"))
        self.assertEqual(reservation.partner_id, self.lead.partner_id)
        self.assertEqual((self.lead.partner_id.name, self.lead.partner_id.phone), ("Chen Jing", "139 0000 2222"))
        self.assertEqual(self.lead.expected_revenue, reservation.price)
