from markupsafe import Markup

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools.misc import format_amount, format_date

from odoo.addons.realty_finance.models.realty_installment import ACCOUNTING_READERS
from odoo.addons.realty_finance.models.realty_installment_billing import BILLABLE_CONTRACT_STATES
from odoo.addons.realty_finance.tools import create_once


class RealtyDunningLog(models.Model):
    """One dunning level sent for one open invoice of a contract (催款记录): the customer's email, an activity
    for the contract's salesperson and a note in the contract's history. PostgreSQL keeps each level to once per
    installment (once per invoice for invoices of no installment, such as late fees), however often the daily
    run meets it."""

    _name = "realty.dunning.log"
    _description = "Dunning Reminder"
    _order = "date desc, id desc"
    _rec_name = "label"

    level_id = fields.Many2one("realty.dunning.level", "Level", required=True, readonly=True, ondelete="restrict")
    installment_id = fields.Many2one(
        "realty.installment", "Installment", readonly=True, index="btree_not_null", ondelete="cascade"
    )
    move_id = fields.Many2one(
        "account.move", "Invoice", required=True, readonly=True, index=True, ondelete="cascade",
        groups=ACCOUNTING_READERS,
    )  # fmt: skip
    contract_id = fields.Many2one("realty.contract", "Contract", required=True, readonly=True, index=True)
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    project_id = fields.Many2one(related="contract_id.project_id", store=True, index=True)
    user_id = fields.Many2one(related="contract_id.user_id", string="Salesperson", store=True, index=True)
    partner_id = fields.Many2one("res.partner", "Customer", required=True, readonly=True, index=True)
    label = fields.Char("Payment", required=True, readonly=True)
    date = fields.Date("Sent On", required=True, readonly=True)
    date_due = fields.Date("Due Date", required=True, readonly=True)
    currency_id = fields.Many2one("res.currency", "Currency", required=True, readonly=True)
    amount_residual = fields.Monetary("Amount Due", readonly=True, help="What was open when it was sent.")
    emailed = fields.Boolean("Emailed", readonly=True)
    mail_id = fields.Many2one("mail.mail", "Email", readonly=True, ondelete="set null", groups="base.group_system")

    _installment_level_uniq = models.UniqueIndex(
        "(installment_id, level_id) WHERE installment_id IS NOT NULL",
        "This dunning level was sent for this installment already.",
    )
    _invoice_level_uniq = models.UniqueIndex(
        "(move_id, level_id) WHERE installment_id IS NULL", "This dunning level was sent for this invoice already."
    )

    # ------------------------------------------------------------------
    # WHAT IS DUE FOR A REMINDER
    # ------------------------------------------------------------------

    @api.model
    def _cron_send_reminders(self):
        """Daily: each open invoice of a live contract gets the last level it has reached, unless that level or a
        later one was sent already. Levels passed while nothing ran (an installment billed on its due date gets
        no "due in 7 days" mail) are skipped: reminders only escalate."""
        levels = self.env["realty.dunning.level"].search([])
        if not levels:
            return self
        today = fields.Date.context_today(self)
        invoices = self.env["account.move"].search(self._open_invoice_domain(today, levels))
        sent = self._levels_sent(invoices)
        logs = self
        for invoice in invoices:
            level = levels._level_reached(invoice.invoice_date_due, today)
            if level and not any(days >= level.days for days in sent.get(self._dunning_key(invoice), ())):
                logs |= self._send_level(invoice, level, today)
        return logs

    @api.model
    def _open_invoice_domain(self, today, levels):
        first_reminder = min(levels.mapped("days"))
        return Domain(
            [
                ("move_type", "=", "out_invoice"),
                ("state", "=", "posted"),
                ("payment_state", "in", ("not_paid", "partial")),
                ("realty_contract_id.state", "in", BILLABLE_CONTRACT_STATES),
                ("invoice_date_due", "<=", fields.Date.subtract(today, days=first_reminder)),
            ]
        )

    @api.model
    def _dunning_key(self, invoice):
        """What a level is sent once for: the installment, else the invoice (a late fee)."""
        installment = invoice.realty_installment_id
        return ("installment", installment.id) if installment else ("invoice", invoice.id)

    @api.model
    def _levels_sent(self, invoices):
        """{dunning key: [days of the levels sent]} for these invoices' installments and invoices."""
        logs = self.with_context(active_test=False).search(
            Domain("installment_id", "in", invoices.realty_installment_id.ids) | Domain("move_id", "in", invoices.ids)
        )
        sent = {}
        for log in logs:
            key = ("installment", log.installment_id.id) if log.installment_id else ("invoice", log.move_id.id)
            sent.setdefault(key, []).append(log.level_id.days)
        return sent

    # ------------------------------------------------------------------
    # SENDING
    # ------------------------------------------------------------------

    @api.model
    def _send_level(self, invoice, level, today):
        """Record, then send, ``level`` for ``invoice``: nothing when it is recorded already (the unique index)."""
        log = create_once(self, self._prepare_values(invoice, level, today))
        if log:
            log._send_mail()
            log._notify_contract()
        return log

    @api.model
    def _prepare_values(self, invoice, level, today):
        installment = invoice.realty_installment_id
        return {
            "level_id": level.id,
            "installment_id": installment.id,
            "move_id": invoice.id,
            "contract_id": invoice.realty_contract_id.id,
            "partner_id": invoice.partner_id.id,
            "label": installment._invoice_label() if installment else invoice.ref or invoice.name,
            "date": today,
            "date_due": invoice.invoice_date_due,
            "currency_id": invoice.currency_id.id,
            "amount_residual": invoice.amount_residual,
        }

    def _send_mail(self):
        """The customer's email, from the level's template (none when the level has none or no address)."""
        self.ensure_one()
        template = self.level_id.mail_template_id
        if template and self.partner_id.email:
            self.write({"mail_id": template.send_mail(self.id), "emailed": True})

    def _notify_contract(self):
        """A note in the contract's history and an activity for its salesperson."""
        self.ensure_one()
        contract = self.contract_id
        contract.message_post(body=self._contract_note(), subtype_xmlid="mail.mt_note")
        contract.activity_schedule(
            "mail.mail_activity_data_todo",
            date_deadline=self.date,
            summary=self.env._("Dunning: %(level)s", level=self.level_id.name),
            note=self._contract_note(),
            user_id=contract.user_id.id,
        )

    def _contract_note(self):
        self.ensure_one()
        values = {
            "level": self.level_id.name,
            "installment": self.label,
            "amount": format_amount(self.env, self.amount_residual, self.currency_id),
            "date_due": format_date(self.env, self.date_due),
            "partner": self.partner_id.display_name,
        }
        if self.emailed:
            text = self.env._(
                "Dunning %(level)s emailed to %(partner)s: %(installment)s, %(amount)s due on %(date_due)s.", **values
            )
        else:
            text = self.env._(
                "Dunning %(level)s, not emailed (no template or no email address): %(installment)s, %(amount)s due "
                "on %(date_due)s. Please contact %(partner)s.",
                **values,
            )
        return Markup("<p>%s</p>") % text
