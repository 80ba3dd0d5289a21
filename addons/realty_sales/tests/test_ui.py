import io

import openpyxl

from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import RealtySalesCase


@tagged("post_install", "-at_install")
class TestSalesUi(HttpCase, RealtySalesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.building.write({"name": "Tour Tower", "code": "T"})
        cls.salesperson.name = "Tour Salesperson"

    def test_board_filter_pick_fields_and_reserve(self):
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
        other = new_test_user(
            self.env,
            login="realty_sales_other",
            name="Other Seller",
            groups="realty_base.group_realty_salesperson",
            company_id=self.company.id,
        )
        self._reservation(user=other).action_confirm()  # T-1201, hidden from the tour's salesperson
        self.env["res.partner"].create({"name": "Tour Buyer"})
        self.start_tour(
            "/odoo/action-realty_base.realty_project_action",
            "realty_sales_board_reserve",
            login="realty_sales",
        )
        reservation = self.env["realty.reservation"].search([("unit_id", "=", big.id)])
        self.assertEqual(reservation.state, "confirmed")
        self.assertEqual(reservation.partner_id.name, "Tour Buyer")
        self.assertEqual(reservation.payment_plan_id, self.plan_full, "the company's first plan, filled in")
        self.assertEqual(reservation.user_id, self.salesperson)
        self.assertEqual(big.state, "reserved")
        self.assertIn("unit_price", self.salesperson.realty_board_fields)

    def test_manager_holds_from_the_board(self):
        reserved = self._create_unit(12, 2)
        reserved.action_release()
        self._reservation(unit=reserved).action_confirm()  # T-1202, the tour's salesperson's
        self.start_tour(
            "/odoo/action-realty_base.realty_project_action", "realty_sales_board_hold", login="realty_manager"
        )
        self.assertEqual(self.unit.state, "held")

    def test_a_late_board_never_replaces_a_newer_one(self):
        second = self.env["realty.project"].create({"name": "Second Garden", "sequence": 20})
        building = self.env["realty.building"].create({"project_id": second.id, "name": "S", "code": "S"})
        self._create_unit(1, 1, building=building, layout_id=False)
        self.start_tour(
            "/odoo/action-realty_base.realty_project_action", "realty_sales_board_switch", login="realty_sales"
        )

    def test_board_xlsx_route_respects_record_rules(self):
        self.authenticate("realty_sales", "realty_sales")
        data = {"project_id": self.project.id, "csrf_token": http.Request.csrf_token(self)}
        response = self.url_open("/realty_sales/board/xlsx", data=data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        workbook = openpyxl.load_workbook(io.BytesIO(response.content))
        self.assertEqual(workbook["Price List"].cell(2, 1).value, "T-1201")

        self.authenticate("realty_manager_b", "realty_manager_b")
        data["csrf_token"] = http.Request.csrf_token(self)
        with mute_logger("odoo.http"):
            response = self.url_open("/realty_sales/board/xlsx", data=data)
        self.assertEqual(response.status_code, 403)
