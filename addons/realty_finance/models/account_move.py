from odoo import api, fields, models
from odoo.exceptions import UserError


class AccountMove(models.Model):
    """An installment's invoice: at most one live invoice per installment, enforced by PostgreSQL."""

    _inherit = "account.move"

    realty_installment_id = fields.Many2one(
        "realty.installment", "Installment", readonly=True, copy=False, index="btree_not_null", ondelete="set null"
    )
    realty_contract_id = fields.Many2one(
        "realty.contract", "Purchase Contract", readonly=True, copy=False, index="btree_not_null"
    )

    _realty_installment_billed_once = models.UniqueIndex(
        "(realty_installment_id) WHERE realty_installment_id IS NOT NULL AND move_type = 'out_invoice'"
        " AND state != 'cancel'",
        "This installment is already billed.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("realty_installment_id") for vals in vals_list):
            self._check_installment_billing()
        return super().create(vals_list)

    def write(self, vals):
        if "realty_installment_id" in vals:
            self._check_installment_billing()
        return super().write(vals)

    def _check_installment_billing(self):
        """Only billing links an invoice to an installment: a hand-made link (form, import, RPC) would mark the
        installment billed, or paid, by any invoice."""
        if not self.env["realty.installment"]._in_action():
            raise UserError(self.env._("An installment is billed from its contract, not by linking an invoice to it."))

    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        posted.filtered(
            lambda move: move.realty_contract_id and move.move_type == "out_invoice"
        )._realty_apply_open_credit()
        return posted

    def _realty_apply_open_credit(self):
        """Money already received for the contract and not matched yet (the reservation's deposit, an
        overpayment, an advance) pays these newly posted invoices, oldest due date first."""
        credits = self.env["account.move.line"].search(self._realty_open_credit_domain())
        for contract, invoices in self.grouped("realty_contract_id").items():
            contract_credits = credits.filtered(
                lambda line, contract=contract: line.move_id.origin_payment_id._realty_contract() == contract
            )
            receivables = invoices.line_ids.filtered(
                lambda line: line.account_type == "asset_receivable" and not line.reconciled
            )
            for lines in (contract_credits | receivables).grouped("account_id").values():
                if any(line.balance < 0 for line in lines) and any(line.balance > 0 for line in lines):
                    lines.reconcile()

    def _realty_open_credit_domain(self):
        contracts = self.realty_contract_id
        return [
            ("parent_state", "=", "posted"),
            ("account_type", "=", "asset_receivable"),
            ("reconciled", "=", False),
            ("balance", "<", 0),
            "|",
            ("move_id.origin_payment_id.realty_contract_id", "in", contracts.ids),
            ("move_id.origin_payment_id.realty_reservation_id", "in", contracts.reservation_id.ids),
        ]
