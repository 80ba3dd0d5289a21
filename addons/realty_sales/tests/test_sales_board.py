import io
from unittest.mock import MagicMock, patch

import openpyxl

from odoo import Command
from odoo.tests import new_test_user, tagged

from .common import RealtySalesCase


@tagged("post_install", "-at_install")
class TestSalesBoard(RealtySalesCase):
    def test_board_data_has_every_unit_and_the_states(self):
        data = self.project.with_user(self.salesperson).get_sales_board_data()
        self.assertEqual(data["project"]["name"], "Test Garden")
        self.assertEqual([b["name"] for b in data["buildings"]], ["Building 1"])
        self.assertEqual([u["name"] for u in data["units"]], ["1-1201"])
        unit = data["units"][0]
        self.assertEqual((unit["floor"], unit["position"], unit["state"]), (12, 1, "available"))
        self.assertEqual(unit["total_price"], 2_000_000.0)
        self.assertEqual([s["key"] for s in data["states"]][:3], ["draft", "available", "held"])
        self.assertEqual(data["layouts"][0]["name"], "B")

    def test_board_queries_do_not_grow_with_units(self):
        self._generate(floor_from=1, floor_to=2)
        self.env.invalidate_all()
        with self.assertQueryCount(8):
            small = self.project.get_sales_board_data()
        self._generate(floor_from=3, floor_to=11)
        big_building = self.env["realty.building"].create(
            {"project_id": self.project.id, "name": "Tower", "code": "T", "position_count": 8}
        )
        self._generate(building=big_building, floor_from=1, floor_to=30)
        self.env.invalidate_all()
        with self.assertQueryCount(8):
            big = self.project.get_sales_board_data()
        self.assertGreater(len(big["units"]), len(small["units"]) + 200)

    def test_cell_fields_are_remembered_per_user(self):
        Users = self.env["res.users"].with_user(self.salesperson)
        chosen = Users.realty_set_board_fields(["unit_price", "orientation", "password"])
        self.assertEqual(chosen, ["unit_price", "orientation"])
        data = self.project.with_user(self.salesperson).get_sales_board_data()
        self.assertEqual(data["cell_fields"], ["unit_price", "orientation"])
        self.assertEqual(
            self.project.with_user(self.manager).get_sales_board_data()["cell_fields"], ["total_price", "gross_area"]
        )

    def test_xlsx_export_has_grid_and_price_list(self):
        self._reservation().action_confirm()
        content = self.project.with_user(self.salesperson)._sales_board_xlsx()
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(workbook.sheetnames, ["Board", "Price List"])
        grid = workbook["Board"]
        cells = [cell for row in grid.iter_rows() for cell in row if cell.value and "1-1201" in str(cell.value)]
        self.assertEqual(len(cells), 1)
        self.assertEqual(cells[0].fill.fgColor.rgb, "FFFFC107")  # reserved colour
        prices = workbook["Price List"]
        self.assertEqual(prices.cell(2, 1).value, "1-1201")
        self.assertEqual(prices.cell(2, 8).value, 2_000_000.0)
        self.assertEqual(prices.cell(2, 9).value, "Reserved")

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
