from odoo import api, fields, models
from odoo.tools import SQL


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

    @api.model
    def get_sales_board(self, project_id=False):
        """What the board needs to open, in one call: the projects to choose from and the board of the project
        asked for (or of the first one)."""
        projects = self.search_fetch([], ["name"])
        project = projects.filtered(lambda p: p.id == project_id) or projects[:1]
        return {
            "projects": [{"id": p.id, "name": p.name} for p in projects],
            "board": project.get_sales_board_data() if project else False,
        }

    def get_sales_board_data(self):
        """Everything the sales-control board shows for one project, in a fixed number of queries.

        The units come as rows (``units["fields"]`` names their columns), read in one query under the user's
        record rules: a project has thousands of them.
        """
        self.ensure_one()
        buildings = self.env["realty.building"].search_fetch(
            [("project_id", "=", self.id)], ["name", "code", "floor_count", "position_count"]
        )
        Unit = self.env["realty.unit"]
        unit_fields, rows = self._board_unit_rows()
        layout_column = unit_fields.index("layout_id")
        cell_fields = Unit._board_cell_fields()
        return {
            "project": {"id": self.id, "name": self.name, "currency": self._board_currency()},
            "states": Unit._board_states(),
            "buildings": [{"id": b.id, "name": b.name, "code": b.code} for b in buildings],
            "units": {"fields": unit_fields, "rows": rows},
            "layouts": self._board_layouts({row[layout_column] for row in rows} - {None}),
            "selections": self._board_selections(cell_fields),
            "cell_field_options": cell_fields,
            "cell_fields": self.env.user._realty_board_fields(),
            "actions": Unit._board_actions(),
        }

    def _board_unit_rows(self):
        """The project's units as rows of ``id`` + ``_board_field_names()``, in one query that carries the
        user's record rules (``_search``): no record is built for thousands of units."""
        Unit = self.env["realty.unit"]
        names = ["id", *Unit._board_field_names()]
        query = Unit._search([("project_id", "=", self.id)], order="id")
        columns = []
        for name in names:
            column = Unit._field_to_sql(Unit._table, name, query)
            if Unit._fields[name].type in ("float", "monetary"):
                column = SQL("%s::float8", column)  # numeric columns would come as Decimal
            columns.append(column)
        return names, self.env.execute_query(query.select(*columns))

    def _board_selections(self, cell_fields):
        """The labels of the cell fields that are selections, by field and key."""
        Unit = self.env["realty.unit"]
        return {
            field["name"]: dict(Unit._fields[field["name"]]._description_selection(self.env))
            for field in cell_fields
            if field["format"] == "selection"
        }

    def _board_currency(self):
        currency = self.currency_id
        return {"symbol": currency.symbol, "position": currency.position, "digits": currency.decimal_places}

    def _board_layouts(self, layout_ids):
        layouts = self.env["realty.layout"].browse(sorted(layout_ids))
        return [
            {"id": layout.id, "name": layout.name, "bedrooms": layout.bedrooms, "rooms": layout.room_summary}
            for layout in layouts
        ]

    def _default_payment_plan(self):
        """The plan a new reservation of this project starts with: the company's first active one."""
        self.ensure_one()
        return self.env["realty.payment.plan"].search([("company_id", "=", self.company_id.id)], limit=1)
