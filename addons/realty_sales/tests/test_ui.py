from odoo.tests import HttpCase, tagged

from .common import RealtySalesCase


@tagged("post_install", "-at_install")
class TestSalesUi(HttpCase, RealtySalesCase):
    def test_board_filter_pick_fields_and_reserve(self):
        self.building.write({"name": "Tour Tower", "code": "T"})
        big = self.env["realty.unit"].create(
            {
                "building_id": self.building.id,
                "floor": 8,
                "position": 2,
                "layout_id": self.layout_3br.id,
                "gross_area": 120.0,
                "inner_area": 98.0,
                "unit_price": 18000.0,
            }
        )
        big.action_release()
        self.env["res.partner"].create({"name": "Tour Buyer"})
        self.start_tour(
            "/odoo/action-realty_base.realty_project_action",
            "realty_sales_board_reserve",
            login="realty_sales",
        )
        reservation = self.env["realty.reservation"].search([("unit_id", "=", big.id)])
        self.assertEqual(reservation.state, "confirmed")
        self.assertEqual(reservation.partner_id.name, "Tour Buyer")
        self.assertEqual(reservation.user_id, self.salesperson)
        self.assertEqual(big.state, "reserved")
        self.assertIn("unit_price", self.salesperson.realty_board_fields)
