from odoo import Command, models
from odoo.exceptions import UserError

from odoo.addons.realty_finance.models.account_payment_receipt import RECEIVED_STATES
from odoo.addons.realty_sales.models.realty_payment_plan import LOAN_KINDS

SIGNED_STATES = ("signed", "registered", "delivered")


class RealtyContract(models.Model):
    """What the buyer's own page 我的房产 shows of a contract: its steps, its receipts, what is due next."""

    _inherit = "realty.contract"

    def action_portal_invite(self):
        self._portal_invite()
        return True

    def _portal_invite(self):
        """邀请客户: give the contract's buyers portal access and mail each an invitation (Odoo's portal wizard).
        Buyers who already have an account are left as they are. Returns the partners invited."""
        self.check_access("write")
        partners = self.buyer_ids.partner_id
        without_email = partners.filtered(lambda partner: not partner.email)
        if without_email:
            raise UserError(
                self.env._(
                    "Enter the email address of %(buyers)s first: the invitation is sent by email.",
                    buyers=", ".join(without_email.mapped("name")),
                )
            )
        # sudo: salespeople do not manage users; what they may do here is invite the buyers of a contract they may edit
        wizard = self.env["portal.wizard"].sudo().create({"partner_ids": [Command.set(partners.ids)]})
        to_invite = wizard.user_ids.filtered(lambda line: not (line.is_portal or line.is_internal))
        for line in to_invite:
            line.action_grant_access()
        invited = to_invite.partner_id
        for contract in self:
            contract.message_post(
                body=self.env._("Portal invitation sent to %(buyers)s.", buyers=", ".join(invited.mapped("name")))
                if invited
                else self.env._("The buyers already have portal access: no invitation sent.")
            )
        return invited

    def _portal_steps(self):
        """认购 → 签约 → 网签备案 → 按揭 → 交房, each ``done``, ``current``, ``todo`` or ``skipped`` (no loan)."""
        self.ensure_one()
        reached = [
            (self.env._("Reservation"), True),
            (self.env._("Signing"), self.state in SIGNED_STATES),
            (self.env._("Registration"), bool(self.registration_no) or self.state in ("registered", "delivered")),
            (self.env._("Mortgage"), self._portal_mortgage_done()),
            (self.env._("Handover"), self.state == "delivered"),
        ]
        steps, current_found = [], False
        for index, (label, done) in enumerate(reached):
            status = "done" if done else "todo"
            if index == 3 and not self._portal_has_loan():
                status = "skipped"
            elif not done and not current_found:
                status, current_found = "current", True
            steps.append({"label": label, "status": status})
        return steps

    def _portal_has_loan(self):
        return self.payment_plan_id.kind in LOAN_KINDS or bool(self.mortgage_id)

    def _portal_mortgage_done(self):
        return self.mortgage_stage == "disbursed" or (self.state == "delivered" and not self._portal_has_loan())

    def _portal_receipts(self):
        """The receipts (收据) of the money received for this contract and for its reservation's deposit."""
        return self.env["account.payment"].search(
            [
                ("state", "in", RECEIVED_STATES),
                ("realty_receipt_number", "!=", False),
                "|",
                ("realty_contract_id", "in", self.ids),
                ("realty_reservation_id", "in", self.reservation_id.ids),
            ],
            order="date, id",
        )

    def _portal_pdf_available(self):
        return self.state in SIGNED_STATES + ("terminated",)

    def _portal_installment_status(self, installment):
        """paid / credited / overdue / open, as the buyer's schedule shows it."""
        if installment.billing_state in ("paid", "reversed"):
            return installment.billing_state
        return "overdue" if installment.days_overdue else "open"
