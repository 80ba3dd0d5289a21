from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.realty_finance.models.realty_contract_refund import REFUND_READERS

REFUNDABLE_STATES = ("cancelled", "expired")


class RealtyReservation(models.Model):
    """The agency that brought the customer (分销渠道), copied from the lead and on to the contract; and the deposit
    of a reservation that ends without a contract, refunded or kept per the project's policy (退定)."""

    _name = "realty.reservation"
    _inherit = ["realty.reservation", "realty.refundable.mixin"]

    agency_id = fields.Many2one(
        "res.partner",
        "Agency",
        compute="_compute_agency_id",
        store=True,
        readonly=False,
        precompute=True,
        index="btree_not_null",
        tracking=True,
        help="The sales agency (分销) that brought the customer; it earns a commission on the contract.",
    )
    refund_ids = fields.One2many("realty.refund", "reservation_id", "Refunds", readonly=True, groups=REFUND_READERS)
    is_refunded = fields.Boolean("Deposit Settled", compute="_compute_deposit_refund")
    amount_forfeit = fields.Monetary("Deposit Kept", compute="_compute_deposit_refund")
    amount_refund_due = fields.Monetary("Deposit Refund Due", compute="_compute_deposit_refund")

    @api.depends("lead_id")
    def _compute_agency_id(self):
        for reservation in self:
            reservation.agency_id = reservation.lead_id.agency_id or reservation.agency_id

    @api.depends("state", "deposit_received")
    def _compute_deposit_refund(self):
        Refund = self.env["realty.refund"]
        for reservation in self:
            sudo = reservation.sudo()  # salespeople see what their customer gets back, not the ledger itself
            refund = sudo.refund_ids[:1]
            reservation.is_refunded = bool(refund)
            if reservation.state not in REFUNDABLE_STATES or sudo._live_contracts():
                reservation.amount_forfeit = reservation.amount_refund_due = 0.0
                continue
            received = Refund._amount_received(sudo._refund_payments())
            forfeit = refund.amount_forfeit if refund else sudo._refund_forfeit(received)
            reservation.amount_forfeit = forfeit
            reservation.amount_refund_due = 0.0 if refund else received - forfeit

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    def _frozen_fields(self):
        """EXTENDS realty_sales: the agency is one of the terms frozen from the request for approval on."""
        frozen = super()._frozen_fields()
        if self.state != "draft":
            frozen |= {"agency_id"}
        return frozen

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    def action_refund_deposit(self):
        """Settle the deposit of a cancelled or expired reservation (finance): what the project's policy keeps is
        invoiced, the rest paid back — once."""
        self.ensure_one()
        refund = self.env["realty.refund"]._refund(self)
        return refund._get_records_action(name=self.env._("Refund"))

    def action_reset_to_draft(self):
        """EXTENDS realty_sales: a reservation whose deposit was settled stays closed."""
        if self.sudo().refund_ids:
            raise UserError(self.env._("The deposit of this reservation was settled: make a new reservation."))
        return super().action_reset_to_draft()

    # ------------------------------------------------------------------
    # BUSINESS METHODS (the refund's view of a reservation)
    # ------------------------------------------------------------------

    def _live_contracts(self):
        return self.contract_ids.filtered(lambda contract: contract.state != "cancelled")

    def _check_refundable(self):
        self._check_state(*REFUNDABLE_STATES)
        if self._live_contracts():
            raise UserError(
                self.env._(
                    "Reservation %(reservation)s became contract %(contract)s: refund the contract instead.",
                    reservation=self.name,
                    contract=self._live_contracts()[:1].name,
                )
            )
        payments = self._refund_payments()
        applied = payments.move_id.line_ids.filtered(
            lambda line: line.account_type == "asset_receivable" and line.reconciled
        )
        if applied:
            raise UserError(
                self.env._("The deposit of %(reservation)s was already applied to an invoice.", reservation=self.name)
            )
        if self.currency_id.compare_amounts(self.env["realty.refund"]._amount_received(payments), 0) <= 0:
            raise UserError(self.env._("No deposit was received for %(reservation)s.", reservation=self.name))

    def _refund_payments(self):
        self.ensure_one()
        return self.env["account.payment"].search([("realty_reservation_id", "=", self.id)])

    def _refund_invoices(self):
        return self.env["account.move"]

    def _refund_document_values(self):
        return {"reservation_id": self.id}

    def _prepare_contract_values(self):
        """EXTENDS realty_contract: the contract names the reservation's agency."""
        return super()._prepare_contract_values() | {"agency_id": self.agency_id.id}
