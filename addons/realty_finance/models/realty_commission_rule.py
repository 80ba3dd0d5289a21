from odoo import api, fields, models

AMOUNT_TYPES = [("percent", "Share of the Contract Price"), ("fixed", "Fixed Amount")]
COMMISSION_TRIGGERS = [
    ("signing", "Contract Signed"),
    ("first_payment", "First Payment Received"),
    ("full_payment", "Fully Paid"),
]


class RealtyCommissionRule(models.Model):
    """What a project pays the sales agencies (分销佣金) per contract they bring, and when it is due.

    A rule naming an agency is that agency's deal; rules without one apply to every other agency of the project.
    A contract gets the project's rules in force when it is signed, one commission per rule (staged commissions:
    e.g. 1 % on signing and 1 % once fully paid)."""

    _name = "realty.commission.rule"
    _description = "Agency Commission Rule"
    _order = "project_id, sequence, id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    project_id = fields.Many2one("realty.project", "Project", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="project_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="project_id.currency_id")
    agency_id = fields.Many2one(
        "res.partner", "Agency", index="btree_not_null", help="Empty: every agency without a rule of its own."
    )
    amount_type = fields.Selection(AMOUNT_TYPES, "Amount", required=True, default="percent")
    percent = fields.Float("Commission (%)", digits=(5, 3))
    fixed_amount = fields.Monetary("Fixed Commission")
    trigger = fields.Selection(
        COMMISSION_TRIGGERS,
        "Due When",
        required=True,
        default="signing",
        help="First payment: the first installment after the deposit (首付款) is paid in full. Fully paid: the whole "
        "schedule is paid, the bank's loan included.",
    )

    _percent_range = models.Constraint(
        "CHECK(percent >= 0 AND percent <= 100)", "A commission share must be between 0 and 100 %."
    )
    _fixed_amount_positive = models.Constraint("CHECK(fixed_amount >= 0)", "A commission cannot be negative.")

    @api.depends("amount_type", "percent", "fixed_amount", "trigger", "agency_id")
    def _compute_display_name(self):
        triggers = dict(self._fields["trigger"]._description_selection(self.env))
        for rule in self:
            amount = f"{rule.percent:g} %" if rule.amount_type == "percent" else f"{rule.fixed_amount:,.2f}"
            rule.display_name = self.env._(
                "%(amount)s · %(trigger)s · %(agency)s",
                amount=amount,
                trigger=triggers[rule.trigger],
                agency=rule.agency_id.name or self.env._("Any Agency"),
            )

    @api.model
    def _rules_for(self, contract):
        """The rules of ``contract``'s project for its agency: the agency's own, or else the general ones."""
        if not contract.agency_id:
            return self.browse()
        rules = self.search([("project_id", "=", contract.project_id.id)])
        own = rules.filtered(lambda rule: rule.agency_id == contract.agency_id)
        return own or rules.filtered(lambda rule: not rule.agency_id)

    def _amount_for(self, price):
        self.ensure_one()
        if self.amount_type == "fixed":
            return self.fixed_amount
        return self.currency_id.round(price * self.percent / 100.0)
