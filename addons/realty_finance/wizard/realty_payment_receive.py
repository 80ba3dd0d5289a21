from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.realty_finance.models.account_payment import PAYMENT_METHODS


class RealtyPaymentReceive(models.TransientModel):
    """Money received from a buyer: for a contract, it pays the oldest open installments first (partial payments
    allowed, any surplus stays as the customer's credit); for a reservation, it is the deposit received before any
    invoice, applied to the contract's first invoice later."""

    _name = "realty.payment.receive"
    _description = "Receive Payment"

    contract_id = fields.Many2one("realty.contract", "Contract", readonly=True)
    reservation_id = fields.Many2one("realty.reservation", "Reservation", readonly=True)
    company_id = fields.Many2one("res.company", compute="_compute_company_id", store=True, precompute=True)
    partner_id = fields.Many2one(
        "res.partner", "Payer", compute="_compute_partner_id", store=True, readonly=False, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(
        "Amount", compute="_compute_amount", store=True, readonly=False, required=True, precompute=True
    )
    method = fields.Selection(PAYMENT_METHODS, "Receipt Method", required=True, default="bank")
    date = fields.Date("Date", required=True, default=fields.Date.context_today)
    journal_id = fields.Many2one(
        "account.journal",
        "Journal",
        compute="_compute_journal_id",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
        domain="[('type', 'in', ('bank', 'cash')), ('company_id', '=', company_id)]",
    )
    memo = fields.Char("Memo")

    @api.depends("contract_id", "reservation_id")
    def _compute_company_id(self):
        for wizard in self:
            wizard.company_id = (wizard.contract_id or wizard.reservation_id).company_id or self.env.company

    @api.depends("contract_id", "reservation_id")
    def _compute_partner_id(self):
        for wizard in self:
            wizard.partner_id = (wizard.contract_id or wizard.reservation_id).partner_id

    @api.depends("contract_id", "reservation_id")
    def _compute_amount(self):
        for wizard in self:
            if wizard.contract_id:
                wizard.amount = wizard.contract_id.amount_residual
            else:
                reservation = wizard.reservation_id
                wizard.amount = max(reservation.deposit_amount - reservation.deposit_received, 0.0)

    @api.depends("method", "company_id")
    def _compute_journal_id(self):
        for wizard in self:
            kind = "cash" if wizard.method == "cash" else "bank"
            wizard.journal_id = self.env["account.journal"].search(
                [("type", "=", kind), ("company_id", "=", wizard.company_id.id)], limit=1
            )

    def action_confirm(self):
        self.ensure_one()
        if self.currency_id.compare_amounts(self.amount, 0) <= 0:
            raise UserError(self.env._("Enter the amount received."))
        if not (self.contract_id or self.reservation_id):
            raise UserError(self.env._("Receive a payment from its contract or its reservation."))
        payment = self.env["account.payment"].create(self._prepare_payment_values())
        payment.action_post()
        if self.contract_id:
            self.contract_id._allocate_payment(payment)
        return payment._get_records_action(name=self.env._("Payment"))

    def _prepare_payment_values(self):
        document = self.contract_id or self.reservation_id
        return {
            "payment_type": "inbound",
            "partner_type": "customer",
            "partner_id": self.partner_id.id,
            "amount": self.amount,
            "currency_id": self.currency_id.id,
            "date": self.date,
            "journal_id": self.journal_id.id,
            "memo": self.memo or document.name,
            "realty_contract_id": self.contract_id.id,
            "realty_reservation_id": self.reservation_id.id,
            "realty_method": self.method,
        }
