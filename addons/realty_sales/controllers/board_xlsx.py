import io

import xlsxwriter


class SalesBoardWorkbook:
    """The sales board of a project as a workbook: the coloured grid per building, and a price list.

    It is built from ``get_sales_board_data()``, so it shows what the user's board shows (record rules apply)
    with the board's own list of cell fields.
    """

    def __init__(self, project):
        self.project = project
        self.env = project.env
        self.data = project.get_sales_board_data()
        fields = self.data["units"]["fields"]
        self.units = [dict(zip(fields, row, strict=True)) for row in self.data["units"]["rows"]]
        self.layout_names = {layout["id"]: layout["name"] for layout in self.data["layouts"]}

    def render(self):
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = workbook.add_format({"bold": True})
        self._grid_sheet(workbook.add_worksheet(self.env._("Board")), self._state_formats(workbook), bold)
        self._price_list_sheet(workbook.add_worksheet(self.env._("Price List")), bold)
        workbook.close()
        return output.getvalue()

    def _state_formats(self, workbook):
        style = {"border": 1, "text_wrap": True, "valign": "top"}
        return {
            state["key"]: workbook.add_format({**style, "bg_color": state["color"], "font_color": state["text_color"]})
            for state in self.data["states"]
        }

    def _grid_sheet(self, sheet, formats, bold):
        sheet.write(0, 0, self.data["project"]["name"], bold)
        for index, state in enumerate(self.data["states"]):
            sheet.write(1, index, state["label"], formats[state["key"]])
        column = 0
        for building in self.data["buildings"]:
            units = [unit for unit in self.units if unit["building_id"] == building["id"]]
            floors = sorted({unit["floor"] for unit in units}, reverse=True)
            positions = sorted({unit["position"] for unit in units})
            cells = {(unit["floor"], unit["position"]): unit for unit in units}
            sheet.write(3, column, building["name"], bold)
            for row, floor in enumerate(floors, start=4):
                sheet.write(row, column, floor, bold)
                for offset, position in enumerate(positions, start=1):
                    if unit := cells.get((floor, position)):
                        sheet.write(row, column + offset, self._cell_text(unit), formats[unit["state"]])
            sheet.set_column(column + 1, column + len(positions), 14)
            column += len(positions) + 2

    def _cell_text(self, unit):
        return f"{unit['name']}\n{unit['gross_area']:.2f} m²\n{unit['total_price']:,.0f}"

    def _price_list_sheet(self, sheet, bold):
        """One row per unit: its number, floor, every cell field of the board, and its state."""
        options = self.data["cell_field_options"]
        headers = [
            self.env._("Unit No."),
            self.env._("Floor"),
            *(o["label"] for o in options),
            self.env._("Sales State"),
        ]
        sheet.write_row(0, 0, headers, bold)
        labels = {state["key"]: state["label"] for state in self.data["states"]}
        for row, unit in enumerate(self.units, start=1):
            values = [self._value(unit, option) for option in options]
            sheet.write_row(row, 0, [unit["name"], unit["floor"], *values, labels[unit["state"]]])
        sheet.set_column(0, len(headers) - 1, 16)

    def _value(self, unit, option):
        value = unit[option["name"]]
        if option["format"] == "layout":
            return self.layout_names.get(value, "")
        if option["format"] == "selection":
            return self.data["selections"][option["name"]].get(value, "")
        return value
