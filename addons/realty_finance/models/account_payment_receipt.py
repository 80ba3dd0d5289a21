from psycopg2.errors import UniqueViolation

from odoo import api, fields, models
from odoo.exceptions import ConcurrencyError, UserError

RECEIPT_SEQUENCE_CODE = "realty.payment.receipt"
RECEIVED_STATES = ("in_process", "paid")


class AccountPayment(models.Model):
    """The receipt (收据) handed to a buyer for money received, and what the payments-received list (收款明细)
    groups by. The receipt number and the cashier are fixed when the payment is posted; nobody writes them."""

    _name = "account.payment"
    _inherit = ["account.payment", "realty.action.guard.mixin"]

    realty_receipt_number = fields.Char("Receipt No.", readonly=True, copy=False, index="btree_not_null")
    realty_cashier_id = fields.Many2one("res.users", "Cashier", readonly=True, copy=False, index="btree_not_null")
    realty_project_id = fields.Many2one(
        "realty.project", "Project", compute="_compute_realty_unit_id", store=True, index="btree_not_null"
    )
    realty_unit_id = fields.Many2one("realty.unit", "Unit", compute="_compute_realty_unit_id", store=True)

    _realty_receipt_number_uniq = models.UniqueIndex(
        "(company_id, realty_receipt_number) WHERE realty_receipt_number IS NOT NULL",
        "This receipt number is already used.",
    )
    # the payments-received list filters and groups realty payments by day and customer
    _realty_date_idx = models.Index("(date, partner_id) WHERE realty_project_id IS NOT NULL")

    # ------------------------------------------------------------------
    # COMPUTE
    # ------------------------------------------------------------------

    @api.depends(
        "realty_contract_id.unit_id",
        "realty_contract_id.project_id",
        "realty_reservation_id.unit_id",
        "realty_reservation_id.project_id",
    )
    def _compute_realty_unit_id(self):
        for payment in self:
            document = payment.realty_contract_id or payment.realty_reservation_id
            payment.realty_unit_id = document.unit_id
            payment.realty_project_id = document.project_id

    # ------------------------------------------------------------------
    # CRUD / ACTIONS
    # ------------------------------------------------------------------

    @api.model
    def _action_only_fields(self):
        return super()._action_only_fields() | {"realty_receipt_number", "realty_cashier_id"}

    def _frozen_fields(self):
        """Once received, the money stays with the document it was received for: a relinked payment would move a
        deposit or a receipt to another contract."""
        frozen = super()._frozen_fields()
        if self.state != "draft":
            frozen |= {"realty_contract_id", "realty_reservation_id", "realty_method"}
        return frozen

    def action_post(self):
        """EXTENDS account: money received for a contract or a reservation gets its receipt number and cashier."""
        result = super().action_post()
        self.filtered(lambda payment: payment._realty_needs_receipt())._realty_issue_receipts()
        return result

    def action_print_realty_receipt(self):
        self._realty_check_receipt_printable()
        return self.env.ref("realty_finance.account_payment_report_receipt").report_action(self)

    # ------------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------------

    def _realty_needs_receipt(self):
        self.ensure_one()
        return (
            self.payment_type == "inbound"
            and bool(self.realty_contract_id or self.realty_reservation_id)
            and not self.realty_receipt_number
            and self.state in RECEIVED_STATES
        )

    def _realty_issue_receipts(self):
        """Number the receipts in the order the money came in; the user posting them is the cashier."""
        for payment in self.sorted(lambda payment: (payment.date, payment.id)):
            number = self._realty_next_receipt_number(payment.company_id, payment.date)
            payment._action_env().write({"realty_receipt_number": number, "realty_cashier_id": self.env.uid})

    @api.model
    def _realty_next_receipt_number(self, company, date):
        """SJ2026-00001: the company's own gapless sequence, the year of the payment in front."""
        sequence = self._realty_receipt_sequence(company)
        return sequence.with_context(ir_sequence_date=fields.Date.to_string(date)).next_by_id()

    @api.model
    def _realty_receipt_sequence(self, company):
        """The company's receipt sequence, created with its first receipt. Two first receipts at once: the unique
        index makes the later one wait, then retry (ConcurrencyError) and use the sequence the first one made."""
        Sequence = self.env["ir.sequence"].sudo()
        sequence = Sequence.search([("code", "=", RECEIPT_SEQUENCE_CODE), ("company_id", "=", company.id)], limit=1)
        if sequence:
            return sequence
        try:
            with self.env.cr.savepoint():
                return Sequence.create(self._realty_receipt_sequence_values(company))
        except UniqueViolation as error:
            raise ConcurrencyError(f"The receipt sequence of {company.name} was created concurrently.") from error

    @api.model
    def _realty_receipt_sequence_values(self, company):
        return {
            "name": self.env._("Receipts (%(company)s)", company=company.name),
            "code": RECEIPT_SEQUENCE_CODE,
            "company_id": company.id,
            "prefix": "SJ%(year)s-",
            "padding": 5,
            "implementation": "no_gap",
        }

    def _realty_check_receipt_printable(self):
        """Only money received for a contract or a reservation, and still standing, has a receipt."""
        for payment in self:
            if not payment.realty_receipt_number:
                raise UserError(
                    self.env._(
                        "Payment %(payment)s has no receipt: receipts are issued for money received for a contract "
                        "or a reservation, when it is confirmed.",
                        payment=payment.display_name,
                    )
                )
            if payment.state not in RECEIVED_STATES:
                raise UserError(
                    self.env._(
                        "Receipt %(receipt)s cannot be printed: its payment is %(state)s.",
                        receipt=payment.realty_receipt_number,
                        state=dict(payment._fields["state"]._description_selection(self.env))[payment.state],
                    )
                )

    def _realty_receipt_purpose(self):
        """What the money is for, as the receipt says it."""
        self.ensure_one()
        if self.realty_contract_id:
            return self.env._("Payment for purchase contract %(contract)s", contract=self.realty_contract_id.name)
        return self.env._("Deposit of reservation %(reservation)s", reservation=self.realty_reservation_id.name)
