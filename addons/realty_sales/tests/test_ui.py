import io

import openpyxl

from odoo import http
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

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

    def test_manager_holds_from_the_board(self):
        self.building.write({"name": "Tour Tower", "code": "T"})
        self.start_tour(
            "/odoo/action-realty_base.realty_project_action", "realty_sales_board_hold", login="realty_manager"
        )
        self.assertEqual(self.unit.state, "held")

    def test_board_xlsx_route_respects_record_rules(self):
        self.authenticate("realty_sales", "realty_sales")
        data = {"project_id": self.project.id, "csrf_token": http.Request.csrf_token(self)}
        response = self.url_open("/realty_sales/board/xlsx", data=data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        workbook = openpyxl.load_workbook(io.BytesIO(response.content))
        self.assertEqual(workbook["Price List"].cell(2, 1).value, "1-1201")

        self.authenticate("realty_manager_b", "realty_manager_b")
        data["csrf_token"] = http.Request.csrf_token(self)
        with mute_logger("odoo.http"):
            response = self.url_open("/realty_sales/board/xlsx", data=data)
        self.assertEqual(response.status_code, 403)
