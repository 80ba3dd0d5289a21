from odoo import models


class AccountPaymentRegister(models.TransientModel):
    """Odoo's Register Payment on a contract's invoices: the payment names the contract, so that it is listed among
    the payments received (收款明细) and gets its receipt like money taken with Receive Payment."""

    _inherit = "account.payment.register"

    def _create_payment_vals_from_wizard(self, batch_result):
        """EXTENDS account"""
        return super()._create_payment_vals_from_wizard(batch_result) | self._realty_payment_values(batch_result)

    def _create_payment_vals_from_batch(self, batch_result):
        """EXTENDS account"""
        return super()._create_payment_vals_from_batch(batch_result) | self._realty_payment_values(batch_result)

    def _realty_payment_values(self, batch_result):
        """The contract of the invoices paid, when they all bill one contract; the method from the journal."""
        moves = batch_result["lines"].move_id
        contract = moves.realty_contract_id
        inbound = batch_result["payment_values"]["payment_type"] == "inbound"
        if not inbound or len(contract) != 1 or not all(moves.mapped("realty_contract_id")):
            return {}
        return {
            "realty_contract_id": contract.id,
            "realty_method": "cash" if self.journal_id.type == "cash" else "bank",
        }
