from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

PAYMENT_KINDS = [
    ("deposit", "Deposit"),
    ("down_payment", "Down Payment"),
    ("installment", "Installment"),
    ("loan", "Loan"),
    ("balance", "Balance"),
]


class RealtyPaymentPlanLine(models.Model):
    _name = "realty.payment.plan.line"
    _description = "Payment Plan Line"
    _order = "plan_id, sequence, id"

    plan_id = fields.Many2one("realty.payment.plan", "Payment Plan", required=True, index=True, ondelete="cascade")
    currency_id = fields.Many2one(related="plan_id.currency_id")
    sequence = fields.Integer(default=10)
    name = fields.Char("Label", required=True, translate=True)
    payment_kind = fields.Selection(PAYMENT_KINDS, "Payment Kind", required=True, default="installment")
    amount_type = fields.Selection(
        [("percent", "Share"), ("fixed", "Fixed Amount")], "Amount Type", required=True, default="percent"
    )
    share = fields.Float("Share (%)", digits=(5, 2))
    fixed_amount = fields.Monetary("Fixed Amount")
    offset_value = fields.Integer("Due After", help="Time from signing until this payment is due.")
    offset_unit = fields.Selection([("days", "Days"), ("months", "Months")], "Unit", required=True, default="days")

    _share_range = models.Constraint("CHECK(share >= 0 AND share <= 100)", "A share must be between 0 and 100 %.")
    _amount_positive = models.Constraint(
        "CHECK(fixed_amount >= 0 AND offset_value >= 0)", "Amounts and due offsets cannot be negative."
    )

    @api.constrains("share", "amount_type", "plan_id")
    def _check_plan_total(self):
        self._recheck_plans(self.plan_id)

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    def write(self, vals):
        previous_plans = self.plan_id if "plan_id" in vals else self.plan_id.browse()
        result = super().write(vals)
        self._recheck_plans(previous_plans - self.plan_id)
        return result

    def unlink(self):
        plans = self.plan_id
        result = super().unlink()
        self._recheck_plans(plans.exists())
        return result

    # ------------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------------

    def _recheck_plans(self, plans):
        """Check that ``plans`` still total 100 %, unless the plan being written checks that itself."""
        if not plans._lines_total_checked_by_plan():
            plans._check_lines_total()

    def _due_date(self, start_date):
        return start_date + relativedelta(**{self.offset_unit: self.offset_value})

    def _schedule_item(self, amount, start_date):
        return {
            "sequence": self.sequence,
            "name": self.name,
            "payment_kind": self.payment_kind,
            "amount": amount,
            "date_due": self._due_date(start_date),
        }
