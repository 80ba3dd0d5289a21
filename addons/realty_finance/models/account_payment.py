from odoo import fields, models

PAYMENT_METHODS = [
    ("bank", "Bank Transfer"),
    ("pos", "POS Card"),
    ("cash", "Cash"),
    ("mortgage", "Mortgage Disbursement"),
]


class AccountPayment(models.Model):
    """A customer payment received for a contract, or a reservation's deposit received before any invoice."""

    _inherit = "account.payment"

    realty_contract_id = fields.Many2one("realty.contract", "Purchase Contract", index="btree_not_null", copy=False)
    realty_reservation_id = fields.Many2one("realty.reservation", "Reservation", index="btree_not_null", copy=False)
    realty_method = fields.Selection(PAYMENT_METHODS, "Receipt Method", index="btree_not_null")

    def _realty_contract(self):
        """The contract this money is for: its own, or the one its reservation became."""
        self.ensure_one()
        return (
            self.realty_contract_id
            or self.realty_reservation_id.contract_ids.filtered(lambda contract: contract.state != "cancelled")[:1]
        )
