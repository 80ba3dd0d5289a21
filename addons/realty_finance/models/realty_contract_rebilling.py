from odoo import models


class RealtyContract(models.Model):
    """An amendment of price, plan or unit re-bills only what nothing has been paid on yet: those installments are
    replaced, and the invoices already posted for them are reversed by credit notes; paid and partly paid
    installments stay as they are."""

    _inherit = "realty.contract"

    def _amendment_installments_to_regenerate(self):
        """EXTENDS realty_contract: only installments nothing has been paid on."""
        lines = super()._amendment_installments_to_regenerate()
        return lines.filtered(lambda line: line.currency_id.is_zero(line.amount_paid))

    def _before_installments_replaced(self, installments):
        """EXTENDS realty_contract: the posted invoices of the replaced installments are reversed by credit notes
        (the amendment is approved by a sales manager, who keeps no books: the reversal is the process's own)."""
        super()._before_installments_replaced(installments)
        invoices = installments.sudo().move_id.filtered(lambda move: move.state == "posted")
        if invoices:
            reason = self.env._("Contract %(contract)s amended", contract=self.name)
            invoices._reverse_moves(
                [{"ref": reason, "realty_contract_id": self.id} for _invoice in invoices], cancel=True
            )
