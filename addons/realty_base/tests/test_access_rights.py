from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .access_matrix import AccessMatrixMixin, Probe
from .common import RealtyCase

PIXEL_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGM4IScHAAK2AQU0pnWqAAAAAElFTkSuQmCC"


class RealtyAccessCase(RealtyCase):
    """RealtyCase plus the users who must get nothing: a plain employee and a portal customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee = new_test_user(cls.env, login="plain_employee", groups="base.group_user")
        cls.portal = new_test_user(cls.env, login="portal_buyer", groups="base.group_portal")


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixMixin, RealtyAccessCase):
    """Who may read, write, create and delete the records of realty_base (records of company 1 unless named)."""

    ROLES = ("salesperson", "manager", "finance", "executive", "admin", "employee", "portal", "user_company_b")
    # fmt: off
    MATRIX = [
        # probe                      salesperson manager finance executive admin   employee portal  user_company_b
        ("realty.project",           "r",        "r",    "r",    "r",      "rwcu", "-",     "-",    "-"),
        ("realty.project.image",     "r",        "r",    "r",    "r",      "rwcu", "-",     "-",    "-"),
        ("realty.building",          "r",        "rw",   "r",    "r",      "rwcu", "-",     "-",    "-"),
        ("realty.layout",            "r",        "r",    "r",    "r",      "rwcu", "-",     "-",    "-"),
        ("realty.layout.image",      "r",        "r",    "r",    "r",      "rwcu", "-",     "-",    "-"),
        ("realty.layout.category",   "r",        "r",    "r",    "r",      "rwcu", "-",     "-",    "r"),
        ("realty.unit",              "r",        "rwc",  "r",    "r",      "rwcu", "-",     "-",    "-"),
        ("realty.unit of company B", "-",        "-",    "-",    "-",      "-",    "-",     "-",    "rwc"),
    ]
    # fmt: on

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project_b = cls.env["realty.project"].create({"name": "Other Town", "company_id": cls.company_b.id})
        cls.building_b = cls.env["realty.building"].create({"project_id": cls.project_b.id, "name": "B1", "code": "1"})

    def test_access_matrix(self):
        self._check_access_matrix()

    def _access_probes(self):
        project, building, layout = self.project, self.building, self.layout_2br
        return {
            "realty.project": Probe(
                "realty.project",
                record=lambda user: self.env["realty.project"].create({"name": "Probe Garden"}),
                read=("name", "company_id", "unit_count"),
                write={"name": "Renamed"},
                create=lambda user: {"name": "New Garden", "company_id": self.company.id},
            ),
            "realty.project.image": Probe(
                "realty.project.image",
                record=lambda user: self.env["realty.project.image"].create(
                    {"name": "Gate", "project_id": project.id, "image_1920": PIXEL_PNG}
                ),
                read=("name", "image_128"),
                write={"name": "Main gate"},
                create=lambda user: {"name": "Lobby", "project_id": project.id, "image_1920": PIXEL_PNG},
            ),
            "realty.building": Probe(
                "realty.building",
                record=lambda user: self.env["realty.building"].create(
                    {"project_id": project.id, "name": "Probe", "code": "P"}
                ),
                read=("name", "floor_count"),
                write={"floor_count": 20},
                create=lambda user: {"project_id": project.id, "name": "Building 9", "code": "9"},
            ),
            "realty.layout": Probe(
                "realty.layout",
                record=lambda user: self.env["realty.layout"].create({"project_id": project.id, "name": "Probe"}),
                read=("name", "bedrooms", "gross_area"),
                write={"gross_area": 95.0, "inner_area": 80.0},
                create=lambda user: {"project_id": project.id, "name": "D", "bedrooms": 4},
            ),
            "realty.layout.image": Probe(
                "realty.layout.image",
                record=lambda user: self.env["realty.layout.image"].create(
                    {"name": "Plan", "layout_id": layout.id, "image_1920": PIXEL_PNG}
                ),
                read=("name", "image_128"),
                write={"name": "Floorplan"},
                create=lambda user: {"name": "Plan 2", "layout_id": layout.id, "image_1920": PIXEL_PNG},
            ),
            "realty.layout.category": Probe(
                "realty.layout.category",
                record=lambda user: self.env["realty.layout.category"].create({"name": "Loft", "bedrooms": 1}),
                read=("name", "bedrooms"),
                write={"name": "Studio"},
                create=lambda user: {"name": "Penthouse", "bedrooms": 5},
            ),
            "realty.unit": Probe(
                "realty.unit",
                record=lambda user: self._create_unit(30, 1),
                read=("name", "state", "total_price"),
                write={"note": "Corner unit"},
                create=lambda user: {
                    "building_id": building.id,
                    "floor": 31,
                    "position": 1,
                    "gross_area": 90.0,
                    "inner_area": 70.0,
                },
            ),
            "realty.unit of company B": Probe(
                "realty.unit",
                record=lambda user: self._create_unit(5, 1, building=self.building_b, layout_id=False),
                read=("name", "state", "total_price"),
                write={"note": "Corner unit"},
                create=lambda user: {
                    "building_id": self.building_b.id,
                    "floor": 6,
                    "position": 1,
                    "gross_area": 90.0,
                    "inner_area": 70.0,
                },
            ),
        }


@tagged("post_install", "-at_install")
class TestAccessRights(RealtyAccessCase):
    """What the matrix cannot show: actions, searches and what each role's groups bring with them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit = cls._create_unit(9, 1)
        cls.unit.action_release()

    def test_salesperson_reads_units_but_cannot_change_prices(self):
        unit = self.unit.with_user(self.salesperson)
        self.assertEqual(unit.total_price, 2_000_000.0)
        self.assertIn(unit, unit.search([("project_id", "=", self.project.id)]))
        with self.assertRaises(AccessError):
            unit.unit_price = 1.0
        with self.assertRaises(AccessError):
            unit.total_price = 1.0

    def test_salesperson_cannot_hold(self):
        with self.assertRaises(AccessError):
            self.unit.with_user(self.salesperson).action_hold()
        self.assertEqual(self.unit.state, "available")

    def test_manager_holds_and_prices(self):
        unit = self.unit.with_user(self.manager)
        unit.action_hold()
        self.assertEqual(self.unit.state, "held")
        unit.unit_price = 21000.0
        self.assertEqual(self.unit.total_price, 2_100_000.0)

    def test_manager_generates_units(self):
        wizard = (
            self.env["realty.unit.generator"]
            .with_user(self.manager)
            .create({"building_id": self.building.id, "floor_from": 1, "floor_to": 2, "base_unit_price": 15000.0})
        )
        wizard.action_generate()
        self.assertEqual(self.building.unit_count, 5)

    def test_executive_and_finance_cannot_act_on_units(self):
        for user in (self.executive, self.finance):
            with self.subTest(user=user.login):
                unit = self.unit.with_user(user)
                self.assertEqual(unit.state, "available")
                self.assertEqual(self.project.with_user(user).unit_count, 1)
                with self.assertRaises(AccessError):
                    unit.action_hold()
                self.assertEqual(self.unit.state, "available")

    def test_administrator_has_every_role(self):
        project = self.env["realty.project"].with_user(self.admin).create({"name": "New Town"})
        self.assertEqual(project.company_id, self.company)
        for role in ("manager", "finance", "executive"):
            self.assertTrue(self.admin.has_group(f"realty_base.group_realty_{role}"), role)

    def test_administrator_assigns_roles(self):
        """The design's administrator "installs modules, assigns roles": Odoo's settings and user rights."""
        Users = self.env["res.users"].with_user(self.admin)
        user = Users.create(
            {
                "name": "Li Na",
                "login": "li_na",
                "group_ids": [Command.link(self.env.ref("realty_base.group_realty_salesperson").id)],
            }
        )
        self.assertTrue(user.has_group("realty_base.group_realty_salesperson"))
        user.with_user(self.admin).group_ids = [Command.link(self.env.ref("realty_base.group_realty_manager").id)]
        self.assertTrue(user.has_group("realty_base.group_realty_manager"))
        self.assertTrue(self.admin.has_group("base.group_system"))
        with self.assertRaises(AccessError):
            Users.with_user(self.manager).create({"name": "Sneaky", "login": "sneaky"})

    def test_other_company_searches_find_nothing(self):
        user = self.user_company_b
        for model in ("realty.project", "realty.building", "realty.layout", "realty.unit"):
            with self.subTest(model=model):
                self.assertFalse(self.env[model].with_user(user).search([]))
        with self.assertRaises(AccessError):
            self.unit.with_user(user).action_hold()

    def test_users_without_realty_role_find_nothing(self):
        for user in (self.employee, self.portal):
            for model in ("realty.unit", "realty.layout.category"):
                with self.subTest(user=user.login, model=model), self.assertRaises(AccessError):
                    self.env[model].with_user(user).search([])
