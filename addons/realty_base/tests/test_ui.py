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

    def test_administrator_creates_a_layout_and_a_building_from_their_lists(self):
        self.start_tour("/odoo/action-realty_base.realty_layout_action", "realty_base_new_layout", login="realty_admin")
        layout = self.env["realty.layout"].search([("name", "=", "Type Z")])
        self.assertEqual(layout.project_id, self.project)
        self.assertEqual((layout.gross_area, layout.inner_area), (95.0, 78.0))

        self.start_tour(
            "/odoo/action-realty_base.realty_building_action", "realty_base_new_building", login="realty_admin"
        )
        building = self.env["realty.building"].search([("code", "=", "9")])
        self.assertEqual(building.project_id, self.project)
        self.assertEqual((building.name, building.floor_count, building.position_count), ("Building 9", 2, 2))

    def test_manager_creates_units_from_the_list_a_building_and_a_project(self):
        self.start_tour("/odoo/action-realty_base.realty_unit_action", "realty_base_new_unit", login="realty_manager")
        self.start_tour(
            f"/odoo/action-realty_base.realty_building_action/{self.building.id}",
            "realty_base_new_unit_of_building",
            login="realty_manager",
        )
        elsewhere = self.env["realty.project"].create({"name": "Elsewhere"})
        self.env["realty.building"].create({"project_id": elsewhere.id, "name": "Building E", "code": "E"})
        self.start_tour(
            f"/odoo/action-realty_base.realty_project_action/{self.project.id}",
            "realty_base_new_unit_of_project",
            login="realty_manager",
        )
        units = self.env["realty.unit"].search([("building_id", "=", self.building.id)])
        self.assertEqual(units.mapped("name"), ["1-801", "1-701", "1-702"])
        self.assertEqual(units[1].layout_id, self.layout_2br)
        self.assertEqual(units[1].total_price, 2_100_000.0)
        self.assertEqual(units[2].gross_area, 120.0)

    def test_administrator_sets_up_a_project_from_its_form(self):
        self.start_tour(
            "/odoo/action-realty_base.realty_project_action", "realty_base_project_form", login="realty_admin"
        )
        project = self.env["realty.project"].search([("name", "=", "Lotus Court")])
        self.assertEqual(project.company_id, self.company)
        self.assertEqual(project.layout_ids.mapped("name"), ["Lotus A"])
        self.assertEqual(project.building_ids.mapped("code"), ["L1"])
        units = project.building_ids.unit_ids
        self.assertEqual(len(units), 6)
        self.assertEqual(units.layout_id, project.layout_ids)
        self.assertEqual(set(units.mapped("unit_price")), {18000.0})

    def test_sell_through_is_the_same_on_kanban_list_and_form(self):
        units = self.env["realty.unit"].browse([self._create_unit(1, position).id for position in (1, 2)])
        units |= self._create_unit(2, 1)
        units.action_release()
        self._force_state(units[0], "reserved")
        self.assertAlmostEqual(self.project.sell_through_rate, 1 / 3)
        self.start_tour(
            "/odoo/action-realty_base.realty_project_action", "realty_base_sell_through", login="realty_sales"
        )

    def test_manager_generates_but_does_not_configure(self):
        """The views follow the ACLs: a sales manager generates units; projects, buildings, layouts are set up by
        the administrator (docs/architecture.md, Roles)."""
        self.start_tour(
            f"/odoo/action-realty_base.realty_project_action/{self.project.id}",
            "realty_base_manager_generates_from_project",
            login="realty_manager",
        )
        self.assertEqual(len(self.building.unit_ids), 4)
        self.start_tour(
            "/odoo/action-realty_base.realty_layout_action", "realty_base_manager_no_new_layout", login="realty_manager"
        )
        self.start_tour(
            "/odoo/action-realty_base.realty_building_action",
            "realty_base_manager_no_new_building",
            login="realty_manager",
        )
