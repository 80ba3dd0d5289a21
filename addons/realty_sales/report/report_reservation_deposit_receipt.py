from odoo import models


class ReportReservationDepositReceipt(models.AbstractModel):
    """定金收据: the receipt for the deposit paid at reservation."""

    _name = "report.realty_sales.report_reservation_deposit_receipt"
    _inherit = ["realty.reservation.print.mixin"]
    _description = "Deposit Receipt"
