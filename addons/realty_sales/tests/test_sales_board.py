import io
from unittest.mock import MagicMock, patch

import openpyxl

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from ..controllers.board_xlsx import SalesBoardWorkbook
from .common import RealtySalesCase


@tagged("post_install", "-at_install")
class TestSalesBoard(RealtySalesCase):
    def _board(self, user=None, project=None):
        return (project or self.project).with_user(user or self.salesperson).get_sales_board_data()

    @staticmethod
    def _units(data):
        return [dict(zip(data["units"]["fields"], row, strict=True)) for row in data["units"]["rows"]]

    # ------------------------------------------------------------------
    # Data
    # ------------------------------------------------------------------

    def test_board_data_has_every_unit_and_the_states(self):
        data = self._board()
        self.assertEqual(data["project"]["name"], "Test Garden")
        self.assertEqual([b["name"] for b in data["buildings"]], ["Building 1"])
        units = self._units(data)
        self.assertEqual([u["name"] for u in units], ["1-1201"])
        unit = units[0]
        self.assertEqual((unit["floor"], unit["position"], unit["state"]), (12, 1, "available"))
        self.assertEqual(unit["total_price"], 2_000_000.0)
        self.assertEqual(unit["layout_id"], self.layout_2br.id)
        self.assertEqual(data["layouts"][0]["name"], "B")
        self.assertEqual(data["selections"]["orientation"]["south"], "South")

    def test_board_states_are_the_unit_states_each_with_a_colour(self):
        """The board knows no state of its own: whatever the unit's selection holds (pending too) is sent."""
        states = self._board()["states"]
        selection = [key for key, _label in self.env["realty.unit"]._fields["state"]._description_selection(self.env)]
        self.assertEqual([s["key"] for s in states], selection)
        self.assertIn("pending", selection)
        colors = [s["color"] for s in states]
        self.assertEqual(len(set(colors)), len(colors), "every state needs a colour of its own")

    def test_board_queries_do_not_grow_with_units(self):
        self._generate(floor_from=1, floor_to=2)
        self.env.invalidate_all()
        with self.assertQueryCount(9):
            small = self.project.get_sales_board_data()
        self._generate(floor_from=3, floor_to=11)
        big_building = self.env["realty.building"].create(
            {"project_id": self.project.id, "name": "Tower", "code": "T", "position_count": 8}
        )
        self._generate(building=big_building, floor_from=1, floor_to=30)
        self.env.invalidate_all()
        with self.assertQueryCount(9):
            big = self.project.get_sales_board_data()
        self.assertGreater(len(big["units"]["rows"]), len(small["units"]["rows"]) + 200)

    def test_board_of_another_company_is_refused(self):
        project_b = self.env["realty.project"].create({"name": "Elsewhere", "company_id": self.company_b.id})
        with self.assertRaises(AccessError):
            self._board(project=project_b)

    def test_board_opens_in_one_call_with_the_projects_of_the_user(self):
        self.env["realty.project"].create({"name": "Elsewhere", "company_id": self.company_b.id})
        second = self.env["realty.project"].create({"name": "Second Garden"})
        Project = self.env["realty.project"].with_user(self.salesperson)
        opened = Project.get_sales_board()
        names = [p["name"] for p in opened["projects"]]
        self.assertIn("Second Garden", names)
        self.assertNotIn("Elsewhere", names)
        self.assertEqual(opened["board"]["project"]["id"], opened["projects"][0]["id"])
        self.assertEqual(Project.get_sales_board(second.id)["board"]["project"]["name"], "Second Garden")

    # ------------------------------------------------------------------
    # Cell fields: one list, on the server
    # ------------------------------------------------------------------

    def test_cell_fields_are_one_list_with_labels_and_remembered_per_user(self):
        options = self._board()["cell_field_options"]
        self.assertEqual(
            [(o["name"], o["label"]) for o in options][:2],
            [("unit_price", "Standard Unit Price"), ("gross_area", "Gross Area (m²)")],
        )
        Users = self.env["res.users"].with_user(self.salesperson)
        chosen = Users.realty_set_board_fields(["orientation", "unit_price", "password"])
        self.assertEqual(chosen, ["unit_price", "orientation"], "unknown names dropped, the board's order kept")
        self.assertEqual(self._board()["cell_fields"], ["unit_price", "orientation"])
        self.assertEqual(self._board(self.manager)["cell_fields"], ["total_price", "gross_area"])

    def test_cell_field_list_is_what_the_board_offers(self):
        """A field added to the server's list is offered, remembered and exported with no other change."""
        added = ("shared_area", "area")
        with patch("odoo.addons.realty_sales.models.realty_unit.BOARD_CELL_FIELDS", (added,)):
            self.assertEqual(
                self.env["res.users"]
                .with_user(self.salesperson)
                .realty_set_board_fields(["shared_area", "unit_price"]),
                ["shared_area"],
            )
            data = self._board()
            self.assertEqual([o["name"] for o in data["cell_field_options"]], ["shared_area"])
            workbook = openpyxl.load_workbook(
                io.BytesIO(SalesBoardWorkbook(self.project.with_user(self.salesperson)).render())
            )
            self.assertEqual(workbook["Price List"].cell(1, 3).value, "Shared Area (m²)")

    # ------------------------------------------------------------------
    # Live updates
    # ------------------------------------------------------------------

    def _subscriptions(self, user):
        """The bus channels a board of this user listens to, as the websocket subscribes them."""
        wsrequest = MagicMock()
        wsrequest.session.uid = user.id
        with patch("odoo.addons.bus.models.ir_websocket.wsrequest", new=wsrequest):
            return self.env["ir.websocket"].with_user(user)._build_bus_channel_list([])

    def _board_messages(self, user, last):
        notifications = self.env["bus.bus"].sudo()._poll(self._subscriptions(user), last)
        return [n["message"]["payload"] for n in notifications if n["message"]["type"] == "realty.unit/state"]

    def test_a_change_reaches_each_board_user_of_the_company_once(self):
        crm_user = new_test_user(self.env, login="crm_only", groups="sales_team.group_sale_salesman")
        both = new_test_user(
            self.env,
            login="realty_sales_both",
            groups="realty_base.group_realty_salesperson",
            company_id=self.company.id,
            company_ids=[Command.set((self.company | self.company_b).ids)],
        )
        last = self.env["bus.bus"].sudo()._bus_last_id()
        self.unit.with_user(self.manager).action_hold()
        self.env.cr.precommit.run()  # the bus writes its rows when the transaction commits
        users = self.salesperson | self.manager | self.finance | self.executive | self.admin | both
        received = {user.login: self._board_messages(user, last) for user in users | self.user_company_b | crm_user}
        change = [{"id": self.unit.id, "project_id": self.project.id, "state": "held"}]
        self.assertEqual(received, {user.login: [change] for user in users} | {"realty_manager_b": [], "crm_only": []})

    def test_board_applies_its_own_change_without_reloading(self):
        self.unit.with_user(self.manager).action_hold()
        changes = self.unit.with_user(self.manager).get_board_changes()
        self.assertEqual(changes, [{"id": self.unit.id, "project_id": self.project.id, "state": "held"}])

    # ------------------------------------------------------------------
    # Side panel
    # ------------------------------------------------------------------

    def test_panel_actions_follow_access_rights(self):
        own = ("reserve", "release", "hold", "unhold")  # later addons add theirs (realty_contract: create a contract)

        def keys(user):
            return [action["key"] for action in self._board(user)["actions"] if action["key"] in own]

        self.assertEqual(keys(self.salesperson), ["reserve"])
        self.assertEqual(keys(self.manager), ["reserve", "release", "hold", "unhold"])
        self.assertEqual(self._board(self.finance)["actions"], [])  # readers are offered nothing at all
        self.assertEqual(self._board(self.executive)["actions"], [])

    def test_panel_shows_the_reservation_to_whom_may_read_it(self):
        reservation = self._reservation()
        reservation.action_confirm()
        other = new_test_user(
            self.env, login="realty_sales_2", groups="realty_base.group_realty_salesperson", company_id=self.company.id
        )
        for user in (self.salesperson, self.manager, self.finance, self.executive):
            panel = self.unit.with_user(user).get_board_panel()
            self.assertEqual(panel["holder"], False, user.login)
            details = panel["reservation"]
            self.assertEqual(details["name"], reservation.name, user.login)
            self.assertEqual(details["customer"], "Chen Jie", user.login)
            self.assertEqual(details["salesperson"], self.salesperson.name, user.login)
            self.assertEqual(details["date_expiry"], fields.Datetime.to_string(reservation.date_expiry), user.login)
        # another salesperson's deal stays hidden: only who holds the unit
        self.assertEqual(
            self.unit.with_user(other).get_board_panel(), {"reservation": False, "holder": self.salesperson.name}
        )
        free = self._create_unit(12, 2)
        free.action_release()
        self.assertEqual(free.with_user(other).get_board_panel(), {"reservation": False, "holder": False})
        with self.assertRaises(AccessError):  # not even the holder's name for a unit of another company
            self.unit.with_user(self.user_company_b).get_board_panel()

    def test_reserving_from_the_board_starts_with_a_plan_and_confirms(self):
        self.plan_installment.sequence = 1  # the company's first active plan
        self._create_plan("Archived first", "full", shares=[100]).write({"sequence": 0, "active": False})
        other_company_plan = self._create_plan("Other company", "full", shares=[100])
        other_company_plan.write({"sequence": 0, "company_id": self.company_b.id})
        action = self.unit.with_user(self.salesperson).action_board_reserve()
        Reservation = self.env["realty.reservation"].with_user(self.salesperson).with_context(action["context"])
        form = Form(Reservation)
        self.assertEqual(form.unit_id, self.unit)
        self.assertEqual(form.payment_plan_id, self.plan_installment)
        form.partner_id = self.customer
        reservation = form.save()
        reservation.action_confirm()
        self.assertEqual(reservation.state, "confirmed")
        self.assertEqual(self.unit.state, "reserved")

    # ------------------------------------------------------------------
    # Export
    # ------------------------------------------------------------------

    def test_xlsx_export_has_grid_and_price_list(self):
        self._reservation().action_confirm()
        content = SalesBoardWorkbook(self.project.with_user(self.salesperson)).render()
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(workbook.sheetnames, ["Board", "Price List"])
        grid = workbook["Board"]
        cells = [cell for row in grid.iter_rows() for cell in row if cell.value and "1-1201" in str(cell.value)]
        self.assertEqual(len(cells), 1)
        self.assertEqual(cells[0].fill.fgColor.rgb, "FFFFC107")  # reserved colour
        prices = workbook["Price List"]
        headers = [cell.value for cell in prices[1]]
        self.assertEqual(headers[:3], ["Unit No.", "Floor", "Standard Unit Price"])
        row = dict(zip(headers, [cell.value for cell in prices[2]], strict=True))
        self.assertEqual(row["Unit No."], "1-1201")
        self.assertEqual(row["Standard Total Price"], 2_000_000.0)
        self.assertEqual(row["Layout"], "B")
        self.assertEqual(row["Sales State"], "Reserved")
        self.assertEqual(row["Gross Area (m²)"], 100.0)
