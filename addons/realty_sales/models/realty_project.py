import io

import xlsxwriter

from odoo import fields, models


class RealtyProject(models.Model):
    _inherit = "realty.project"

    reservation_hold_hours = fields.Integer(
        "Reservation Hold (Hours)",
        default=48,
        help="A confirmed reservation expires after this many hours unless it is converted into a contract.",
    )
    reservation_ids = fields.One2many("realty.reservation", "project_id", "Reservations")

    _hold_hours_positive = models.Constraint(
        "CHECK(reservation_hold_hours > 0)", "The reservation hold must be at least one hour."
    )

    def action_open_sales_board(self):
        self.ensure_one()
        return {
            "type": "ir.actions.client",
            "tag": "realty_sales.board",
            "name": self.env._("Sales Board: %(project)s", project=self.name),
            "params": {"project_id": self.id},
        }

    # ------------------------------------------------------------------
    # SALES BOARD DATA
    # ------------------------------------------------------------------

    def get_sales_board_data(self):
        """Everything the sales-control board shows for one project, in a fixed number of queries."""
        self.ensure_one()
        buildings = self.env["realty.building"].search_fetch(
            [("project_id", "=", self.id)], ["name", "code", "floor_count", "position_count"]
        )
        units = self.env["realty.unit"].search_fetch(
            [("project_id", "=", self.id)], self.env["realty.unit"]._board_field_names()
        )
        return {
            "project": {"id": self.id, "name": self.name, "currency": self._board_currency()},
            "states": self.env["realty.unit"]._board_states(),
            "buildings": [{"id": b.id, "name": b.name, "code": b.code} for b in buildings],
            "units": units._board_values_list(),
            "layouts": self._board_layouts(units),
            "cell_fields": self.env.user._realty_board_fields(),
        }

    def _board_currency(self):
        currency = self.currency_id
        return {"symbol": currency.symbol, "position": currency.position, "digits": currency.decimal_places}

    def _board_layouts(self, units):
        layouts = units.layout_id
        return [
            {"id": layout.id, "name": layout.name, "bedrooms": layout.bedrooms, "rooms": layout.room_summary}
            for layout in layouts
        ]

    # ------------------------------------------------------------------
    # XLSX EXPORT
    # ------------------------------------------------------------------

    def _sales_board_xlsx(self):
        """The board as a workbook: one coloured grid sheet per project, and a price list."""
        self.ensure_one()
        data = self.get_sales_board_data()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        formats = {
            state["key"]: workbook.add_format(
                {
                    "bg_color": state["color"],
                    "font_color": state["text_color"],
                    "border": 1,
                    "text_wrap": True,
                    "valign": "top",
                }
            )
            for state in data["states"]
        }
        bold = workbook.add_format({"bold": True})
        self._xlsx_grid_sheet(workbook.add_worksheet(self.env._("Board")), data, formats, bold)
        self._xlsx_price_list_sheet(workbook.add_worksheet(self.env._("Price List")), data, bold)
        workbook.close()
        return output.getvalue()

    def _xlsx_grid_sheet(self, sheet, data, formats, bold):
        sheet.write(0, 0, data["project"]["name"], bold)
        for index, state in enumerate(data["states"]):
            sheet.write(1, index, state["label"], formats[state["key"]])
        column = 0
        for building in data["buildings"]:
            units = [unit for unit in data["units"] if unit["building_id"] == building["id"]]
            floors = sorted({unit["floor"] for unit in units}, reverse=True)
            positions = sorted({unit["position"] for unit in units})
            cells = {(unit["floor"], unit["position"]): unit for unit in units}
            sheet.write(3, column, building["name"], bold)
            for row, floor in enumerate(floors, start=4):
                sheet.write(row, column, floor, bold)
                for offset, position in enumerate(positions, start=1):
                    if unit := cells.get((floor, position)):
                        text = f"{unit['name']}\n{unit['gross_area']:.2f} m²\n{unit['total_price']:,.0f}"
                        sheet.write(row, column + offset, text, formats[unit["state"]])
            sheet.set_column(column + 1, column + len(positions), 14)
            column += len(positions) + 2

    def _xlsx_price_list_sheet(self, sheet, data, bold):
        labels = {state["key"]: state["label"] for state in data["states"]}
        layouts = {layout["id"]: layout["name"] for layout in data["layouts"]}
        headers = [
            self.env._("Unit No."),
            self.env._("Floor"),
            self.env._("Layout"),
            self.env._("Orientation"),
            self.env._("Gross Area (m²)"),
            self.env._("Inner Area (m²)"),
            self.env._("Standard Unit Price"),
            self.env._("Standard Total Price"),
            self.env._("Sales State"),
        ]
        sheet.write_row(0, 0, headers, bold)
        for row, unit in enumerate(data["units"], start=1):
            sheet.write_row(
                row,
                0,
                [
                    unit["name"],
                    unit["floor"],
                    layouts.get(unit["layout_id"], ""),
                    unit["orientation"],
                    unit["gross_area"],
                    unit["inner_area"],
                    unit["unit_price"],
                    unit["total_price"],
                    labels[unit["state"]],
                ],
            )
        sheet.set_column(0, len(headers) - 1, 16)
