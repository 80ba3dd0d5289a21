from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import content_disposition, request

from .board_xlsx import SalesBoardWorkbook


class SalesBoardExport(http.Controller):
    @http.route("/realty_sales/board/xlsx", type="http", auth="user", methods=["POST"])
    def export_board(self, project_id, **kwargs):
        """The sales board as the user sees it (record rules apply): a coloured grid and a price list."""
        project = request.env["realty.project"].browse(int(project_id)).exists()
        if not project:
            raise NotFound()
        project.check_access("read")
        content = self._workbook(project).render()
        filename = request.env._("Sales Board %(project)s.xlsx", project=project.name)
        return request.make_response(
            content,
            headers=[
                ("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )

    def _workbook(self, project):
        """Hook: the workbook class, for addons that add sheets or columns."""
        return SalesBoardWorkbook(project)
