from odoo import api, fields, models
from odoo.exceptions import UserError

REFUND_READERS = "realty_base.group_realty_finance,realty_base.group_realty_executive"


class RealtyContract(models.Model):
    """A terminated contract's refund (退房退款): the money received less what the project's policy keeps, settled
    once by finance (``realty.refund``)."""

    _name = "realty.contract"
    _inherit = ["realty.contract", "realty.refundable.mixin"]

    refund_ids = fields.One2many("realty.refund", "contract_id", "Refunds", readonly=True, groups=REFUND_READERS)
    is_refunded = fields.Boolean("Refunded", compute="_compute_refund_amounts")
    amount_received = fields.Monetary(
        "Money Received",
        compute="_compute_refund_amounts",
        help="Every payment received for this contract and its reservation, less what was paid back.",
    )
    amount_forfeit = fields.Monetary(
        "Kept", compute="_compute_refund_amounts", help="What the project's policy keeps of the money received."
    )
    amount_refund_due = fields.Monetary("Refund Due", compute="_compute_refund_amounts")

    @api.depends("state", "installment_ids.amount_paid")
    def _compute_refund_amounts(self):
        Refund = self.env["realty.refund"]
        for contract in self:
            sudo = contract.sudo()  # salespeople see what their buyer gets back, not the ledger itself
            received = Refund._amount_received(sudo._refund_payments())
            refund = sudo.refund_ids[:1]
            forfeit = refund.amount_forfeit if refund else sudo._refund_forfeit(received)
            contract.is_refunded = bool(refund)
            contract.amount_received = received
            contract.amount_forfeit = forfeit
            contract.amount_refund_due = 0.0 if refund else received - forfeit

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    def action_refund(self):
        """Settle the terminated contract (finance): credit notes for its invoices, an invoice for what the
        project keeps, an outbound payment for the rest — once."""
        self.ensure_one()
        refund = self.env["realty.refund"]._refund(self)
        return refund._get_records_action(name=self.env._("Refund"))

    # ------------------------------------------------------------------
    # BUSINESS METHODS (the refund's view of a contract)
    # ------------------------------------------------------------------

    def _check_refundable(self):
        self._check_state("terminated")
        if not self._refund_invoices() and self.currency_id.is_zero(
            self.env["realty.refund"]._amount_received(self._refund_payments())
        ):
            raise UserError(self.env._("Contract %(contract)s has nothing to refund.", contract=self.name))

    def _refund_payments(self):
        """Payments for the contract or its reservation (the deposit), and any other that paid its invoices."""
        self.ensure_one()
        linked = self.env["account.payment"].search(
            [
                "|",
                ("realty_contract_id", "=", self.id),
                ("realty_reservation_id", "=", self.reservation_id.id or 0),
            ]
        )
        return linked | self.invoice_ids._get_reconciled_payments()

    def _refund_invoices(self):
        """The posted invoices of the contract not reversed yet (an amendment reverses what it re-bills)."""
        return self.invoice_ids.filtered(
            lambda move: move.move_type == "out_invoice" and move.state == "posted" and move.payment_state != "reversed"
        )

    def _refund_document_values(self):
        return {"contract_id": self.id, "reservation_id": self.reservation_id.id}
