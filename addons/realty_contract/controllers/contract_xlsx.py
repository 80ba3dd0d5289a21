from odoo.http import content_disposition, request, route

from odoo.addons.report_xlsx.controllers.main import ReportController

CONTRACT_XLSX = "realty_contract.contract_xlsx"


class ContractXlsxController(ReportController):
    @route()
    def report_routes(self, reportname, docids=None, converter=None, **data):
        """EXTENDS report_xlsx: the contract export is named with the day (合同导出 2026-05-01.xlsx), however many
        contracts it holds (report_xlsx names a file of several records after the report only)."""
        response = super().report_routes(reportname, docids=docids, converter=converter, **data)
        if converter == "xlsx" and reportname == CONTRACT_XLSX:
            filename = request.env[f"report.{CONTRACT_XLSX}"]._xlsx_file_name()
            response.headers["Content-Disposition"] = content_disposition(filename)
        return response
