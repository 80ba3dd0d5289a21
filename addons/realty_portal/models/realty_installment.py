from odoo import models

DUE_BILLING_STATES = ("pending", "invoiced", "partial")


class RealtyInstallment(models.Model):
    _inherit = "realty.installment"

    def _portal_next_due(self):
        """The next installment the current buyer still has to pay, among the contracts they can read: not a loan,
        which the bank or the housing fund pays."""
        return self.search(
            [
                ("billing_state", "in", DUE_BILLING_STATES),
                ("contract_state", "in", ("signed", "registered", "delivered")),
                ("kind", "!=", "loan"),
            ],
            order="date_due, id",
            limit=1,
        )

    def _portal_amount_due(self):
        self.ensure_one()
        return self.amount - self.amount_paid
