from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.realty_finance.models.realty_project import FORFEIT_POLICIES

LIVE_PAYMENT_STATES = ("in_process", "paid")
REFUND_FIELDS = frozenset(
    (
        "name",
        "contract_id",
        "reservation_id",
        "project_id",
        "company_id",
        "partner_id",
        "date",
        "forfeit_policy",
        "amount_received",
        "amount_forfeit",
        "amount_refund",
        "credit_note_ids",
        "forfeit_move_id",
        "payment_id",
    )
)


class RealtyRefund(models.Model):
    """The settlement of a buyer's withdrawal (退房 / 退定): the money received, what the project's policy keeps and
    the accounting that settles it. The contract's open invoices are reversed by credit notes (what they had
    received becomes the buyer's credit again), what is kept is invoiced as income, and the rest goes back to the
    buyer by an outbound payment; all of it is reconciled. Made once, by the Refund action of a terminated
    contract or of a cancelled reservation with a deposit: PostgreSQL allows one per contract and one per
    reservation, and nothing else writes it."""

    _name = "realty.refund"
    _description = "Refund"
    _inherit = ["realty.action.guard.mixin"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char("Reference", required=True, readonly=True)
    contract_id = fields.Many2one(
        "realty.contract", "Contract", readonly=True, index="btree_not_null", ondelete="restrict"
    )
    reservation_id = fields.Many2one(
        "realty.reservation", "Reservation", readonly=True, index="btree_not_null", ondelete="restrict"
    )
    project_id = fields.Many2one("realty.project", "Project", readonly=True, index=True)
    company_id = fields.Many2one("res.company", "Company", required=True, readonly=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one("res.partner", "Buyer", required=True, readonly=True, index=True)
    date = fields.Date("Date", required=True, readonly=True)
    forfeit_policy = fields.Selection(FORFEIT_POLICIES, "Policy", readonly=True)
    amount_received = fields.Monetary("Received", readonly=True)
    amount_forfeit = fields.Monetary("Kept", readonly=True)
    amount_refund = fields.Monetary("Refunded", readonly=True)
    credit_note_ids = fields.Many2many(
        "account.move", "realty_refund_credit_note_rel", "refund_id", "move_id", "Credit Notes", readonly=True
    )
    forfeit_move_id = fields.Many2one("account.move", "Invoice of What Is Kept", readonly=True)
    payment_id = fields.Many2one("account.payment", "Refund Payment", readonly=True)

    _contract_uniq = models.UniqueIndex(
        "(contract_id) WHERE contract_id IS NOT NULL", "This contract has already been refunded."
    )
    _reservation_uniq = models.UniqueIndex(
        "(reservation_id) WHERE reservation_id IS NOT NULL", "This reservation's deposit has already been refunded."
    )
    _amounts_positive = models.Constraint(
        "CHECK(amount_forfeit >= 0 AND amount_refund >= 0)", "What is kept and what is refunded cannot be negative."
    )

    @api.model
    def _action_only_fields(self):
        return super()._action_only_fields() | REFUND_FIELDS

    # ------------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------------

    @api.model
    def _refund(self, document):
        """Settle ``document`` (a terminated contract or a cancelled reservation) once; returns the refund."""
        document.ensure_one()
        self.check_access("create")
        self._lock(document)
        document._check_refundable()
        payments = document._refund_payments()
        received = self._amount_received(payments)
        forfeit = document._refund_forfeit(received)
        refund = self._action_env().create(document._prepare_refund_values(received, forfeit))
        refund._settle(payments, document._refund_invoices())
        document.sudo()._message_log(body=refund._summary())
        return refund.with_env(self.env)

    @api.model
    def _lock(self, document):
        """Hold ``document`` until the end of the transaction, then refuse it if it was refunded meanwhile; the
        unique indexes refuse a second refund that skips this."""
        self.env.cr.execute(
            SQL("SELECT id FROM %s WHERE id = %s FOR UPDATE", SQL.identifier(document._table), document.id)
        )
        field = "contract_id" if document._name == "realty.contract" else "reservation_id"
        if self.sudo().search_count([(field, "=", document.id)], limit=1):
            raise UserError(self.env._("%(document)s has already been refunded.", document=document.display_name))

    @api.model
    def _amount_received(self, payments):
        """Money in less money out, over the live ``payments``."""
        live = payments.filtered(lambda payment: payment.state in LIVE_PAYMENT_STATES)
        return sum(payment.amount * (1 if payment.payment_type == "inbound" else -1) for payment in live)

    def _settle(self, payments, invoices):
        """Reverse ``invoices``, invoice what is kept, pay back the rest; reconcile it all with ``payments``."""
        self.ensure_one()
        credit_notes = self._reverse_invoices(invoices)
        forfeit_move = self._invoice_forfeit()
        payment = self._pay_refund(payments)
        self._reconcile(payments.move_id | forfeit_move | payment.move_id)
        self._action_env().write(
            {
                "credit_note_ids": [Command.set(credit_notes.ids)],
                "forfeit_move_id": forfeit_move.id,
                "payment_id": payment.id,
            }
        )

    def _reverse_invoices(self, invoices):
        """Credit notes that cancel ``invoices`` (Odoo's full reversal): whatever paid them is open credit again."""
        if not invoices:
            return self.env["account.move"]
        return invoices._reverse_moves([self._prepare_credit_note_values(invoice) for invoice in invoices], cancel=True)

    def _prepare_credit_note_values(self, invoice):
        return {
            "ref": self.env._("%(refund)s: reversal of %(invoice)s", refund=self.name, invoice=invoice.name),
            "date": self.date,
            "invoice_date": self.date,
            "realty_contract_id": self.contract_id.id,
        }

    def _invoice_forfeit(self):
        """What the policy keeps, invoiced as income (定金 / 违约金) and paid from the buyer's credit."""
        if self.currency_id.is_zero(self.amount_forfeit):
            return self.env["account.move"]
        invoice = self.env["account.move"].create(self._prepare_forfeit_invoice_values())
        invoice.action_post()
        return invoice

    def _prepare_forfeit_invoice_values(self):
        label = self.env._("%(refund)s: kept per the project's policy", refund=self.name)
        return {
            "move_type": "out_invoice",
            "company_id": self.company_id.id,
            "partner_id": self.partner_id.id,
            "currency_id": self.currency_id.id,
            "invoice_date": self.date,
            "invoice_date_due": self.date,
            "invoice_payment_term_id": False,
            "invoice_origin": (self.contract_id or self.reservation_id).name,
            "ref": label,
            "realty_contract_id": self.contract_id.id,
            "invoice_line_ids": [
                Command.create(
                    {
                        "product_id": self.env.ref("realty_finance.product_forfeit").id,
                        "name": label,
                        "quantity": 1,
                        "price_unit": self.amount_forfeit,
                        "tax_ids": [Command.clear()],
                    }
                )
            ],
        }

    def _pay_refund(self, payments):
        """The outbound payment of what goes back to the buyer, from the journal the money last came in by."""
        if self.currency_id.is_zero(self.amount_refund):
            return self.env["account.payment"]
        payment = self.env["account.payment"].create(self._prepare_payment_values(self._refund_journal(payments)))
        payment.action_post()
        return payment

    def _refund_journal(self, payments):
        inbound = payments.filtered(lambda payment: payment.payment_type == "inbound").sorted("date")
        return inbound[-1:].journal_id or self.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", self.company_id.id)], limit=1
        )

    def _prepare_payment_values(self, journal):
        return {
            "payment_type": "outbound",
            "partner_type": "customer",
            "partner_id": self.partner_id.id,
            "amount": self.amount_refund,
            "currency_id": self.currency_id.id,
            "date": self.date,
            "journal_id": journal.id,
            "memo": self.name,
            "realty_contract_id": self.contract_id.id,
            "realty_reservation_id": self.reservation_id.id if not self.contract_id else False,
            "realty_method": "cash" if journal.type == "cash" else "bank",
        }

    @api.model
    def _reconcile(self, moves):
        """Match the open receivable lines of ``moves``, debits against credits, per account."""
        lines = moves.line_ids.filtered(lambda line: line.account_type == "asset_receivable" and not line.reconciled)
        for group in lines.grouped("account_id").values():
            if any(line.balance < 0 for line in group) and any(line.balance > 0 for line in group):
                group.reconcile()

    def _summary(self):
        self.ensure_one()
        return self.env._(
            "Refund settled: %(received)s received, %(kept)s kept, %(refunded)s refunded.",
            received=self._format(self.amount_received),
            kept=self._format(self.amount_forfeit),
            refunded=self._format(self.amount_refund),
        )

    def _format(self, amount):
        return f"{self.currency_id.symbol}{amount:,.2f}"
