import base64

from odoo.tests import HttpCase, tagged
from odoo.tools import file_open

from .common import RealtyCase


@tagged("post_install", "-at_install")
class TestUi(HttpCase, RealtyCase):
    def test_manager_generates_units_and_holds_one(self):
        self.building.write({"name": "Tour Tower", "code": "T", "floor_count": 3})
        self.start_tour(
            "/odoo/action-realty_base.realty_building_action", "realty_base_generate_and_hold", login="realty_manager"
        )
        units = self.env["realty.unit"].search([("building_id", "=", self.building.id)])
        self.assertEqual(len(units), 6)
        held = units.filtered(lambda unit: unit.state == "held")
        self.assertEqual(held.mapped("name"), ["T-101"])
        self.assertEqual(held.unit_price, 20000.0)

    def test_unit_kanban_shows_floorplans(self):
        self.building.write({"name": "Kanban Court", "code": "K"})
        with file_open("realty_base/static/img/demo/layout_b1.png", "rb") as floorplan:
            self.layout_2br.image_1920 = base64.b64encode(floorplan.read())
        self._create_unit(1, 1)
        self.start_tour("/odoo/action-realty_base.realty_unit_action", "realty_base_unit_kanban", login="realty_sales")
