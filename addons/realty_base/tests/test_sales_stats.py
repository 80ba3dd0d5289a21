from odoo.tests import tagged

from .common import RealtyCase


@tagged("post_install", "-at_install")
class TestSalesStats(RealtyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.building_2 = cls.env["realty.building"].create(
            {"project_id": cls.project.id, "name": "Building 2", "code": "2"}
        )
        # building 1: 10 units of 100 m² at 20,000/m² (2,000,000 each)
        cls.units = cls.env["realty.unit"].browse(
            [cls._create_unit(floor, position).id for floor in range(1, 6) for position in (1, 2)]
        )
        cls.units[:8].action_release()
        cls.units[2:3].action_hold()
        cls._force_state(cls.units[3:5], "reserved")
        cls._force_state(cls.units[5:6], "contracted")
        # building 2: 2 units of 50 m², one delivered
        cls.small = cls._create_unit(1, 1, building=cls.building_2, gross_area=50.0, inner_area=40.0)
        cls.small.action_release()
        cls._force_state(cls.small, "delivered")
        cls._create_unit(1, 2, building=cls.building_2, gross_area=50.0, inner_area=40.0).action_release()

    def test_building_counters(self):
        building = self.building.with_user(self.salesperson)
        self.assertEqual(building.unit_count, 10)
        self.assertEqual(building.draft_unit_count, 2)
        self.assertEqual(building.available_unit_count, 4)
        self.assertEqual(building.held_unit_count, 1)
        self.assertEqual(building.reserved_unit_count, 2)
        self.assertEqual(building.contracted_unit_count, 1)
        self.assertEqual(building.sold_unit_count, 3)
        self.assertEqual(building.sold_area, 300.0)
        self.assertEqual(building.sold_amount, 6_000_000.0)
        self.assertAlmostEqual(building.sell_through_rate, 3 / 8)
        self.assertAlmostEqual(building.sell_through_area_rate, 300.0 / 800.0)

    def test_project_counters_by_units_and_area(self):
        project = self.project.with_user(self.salesperson)
        self.assertEqual(project.unit_count, 12)
        self.assertEqual(project.sold_unit_count, 4)
        self.assertEqual(project.delivered_unit_count, 1)
        self.assertEqual(project.released_area, 900.0)
        self.assertAlmostEqual(project.sell_through_rate, 4 / 10)
        self.assertAlmostEqual(project.sell_through_area_rate, 350.0 / 900.0)
        self.assertEqual(project.building_count, 2)

    def test_empty_building_has_zero_rates(self):
        empty = self.env["realty.building"].create({"project_id": self.project.id, "name": "Empty", "code": "E"})
        empty = empty.with_user(self.salesperson)
        self.assertEqual(empty.unit_count, 0)
        self.assertEqual(empty.sell_through_rate, 0.0)

    def test_one_query_for_many_buildings(self):
        buildings = self.env["realty.building"].create(
            [{"project_id": self.project.id, "name": f"B{index}", "code": f"B{index}"} for index in range(20)]
        )
        buildings = buildings.with_user(self.salesperson)
        self.building.with_user(self.salesperson).mapped("sell_through_rate")  # the salesperson's rules, once
        self.env.flush_all()
        self.env["realty.building"].invalidate_model()
        with self.assertQueryCount(1):
            buildings.mapped("sell_through_rate")
