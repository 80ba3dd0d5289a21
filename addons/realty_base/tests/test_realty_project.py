from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import RealtyCase


@tagged("post_install", "-at_install")
class TestRealtyProject(RealtyCase):
    """Projects and buildings are configured by the realty administrator; these tests act as one."""

    def test_opening_after_delivery_refused(self):
        project = self.project.with_user(self.admin)
        project.write({"opening_date": "2026-05-01", "delivery_date": "2028-12-31"})
        with self.assertRaisesRegex(
            ValidationError,
            r"The opening date of Test Garden \(05/01/2026\) is after its delivery date \(12/31/2025\)",
        ):
            with self.env.cr.savepoint():  # a refused write is rolled back, as in a request
                project.write({"delivery_date": "2025-12-31"})
        self.assertEqual(str(self.project.delivery_date), "2028-12-31")
        with self.assertRaisesRegex(ValidationError, "is after its delivery date"):
            with self.env.cr.savepoint():
                project.create({"name": "Late Town", "opening_date": "2027-01-01", "delivery_date": "2026-01-01"})
        self.assertFalse(project.search([("name", "=", "Late Town")]))

    def test_same_day_or_open_dates_accepted(self):
        project = self.project.with_user(self.admin)
        project.write({"opening_date": "2026-05-01", "delivery_date": "2026-05-01"})
        project.write({"delivery_date": False, "opening_date": "2030-01-01"})
        self.assertEqual(str(self.project.opening_date), "2030-01-01")

    def test_building_dimensions_have_limits(self):
        building = self.building.with_user(self.admin)
        with self.assertRaisesRegex(
            ValidationError, "Test Garden Building 1 cannot have 100000 floors: .* at most 200"
        ):
            with self.env.cr.savepoint():  # a refused write is rolled back, as in a request
                building.floor_count = 100_000
        with self.assertRaisesRegex(ValidationError, "cannot have 51 units per floor: a floor has at most 50"):
            with self.env.cr.savepoint():
                building.position_count = 51
        building.write({"floor_count": 200, "position_count": 50})
        self.assertEqual((self.building.floor_count, self.building.position_count), (200, 50))

    def test_new_unit_from_a_building_is_in_that_building(self):
        action = self.building.with_user(self.manager).action_view_units()
        unit = (
            self.env["realty.unit"]
            .with_user(self.manager)
            .with_context(action["context"])
            .create({"floor": 1, "position": 1, "gross_area": 90.0, "inner_area": 72.0})
        )
        self.assertEqual(unit.building_id, self.building)
        self.assertIn(unit, self.env["realty.unit"].search(action["domain"]))

    def test_buildings_and_layouts_of_a_new_project_from_its_form(self):
        """The project form creates its buildings and layouts together with the project."""
        with Form(self.env["realty.project"].with_user(self.admin)) as form:
            form.name = "Lotus Court"
            with form.building_ids.new() as building:
                building.name = "Lotus 1"
                building.code = "L1"
                building.floor_count = 3
            with form.layout_ids.new() as layout:
                layout.name = "Lotus A"
                layout.gross_area = 88.0
                layout.inner_area = 70.0
        project = form.record
        self.assertEqual(project.building_ids.mapped("name"), ["Lotus 1"])
        self.assertEqual(project.layout_ids.mapped("name"), ["Lotus A"])
        self.assertEqual(project.layout_ids.company_id, self.company)
