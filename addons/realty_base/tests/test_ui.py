from odoo.tests import HttpCase, tagged

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
