from odoo import api, fields, models
from odoo.tools import date_utils


class RealtySalesTarget(models.Model):
    """A salesperson's target for one month (销售目标): the amount to sign and the number of contracts. The month is
    stored as its first day; one target per salesperson, month and company, enforced by the database."""

    _name = "realty.sales.target"
    _description = "Sales Target"
    _order = "month desc, user_id"
    _check_company_auto = True

    user_id = fields.Many2one(
        "res.users",
        "Salesperson",
        required=True,
        index=True,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    month = fields.Date(
        "Month",
        required=True,
        default=lambda self: date_utils.start_of(fields.Date.context_today(self), "month"),
        help="Any day of the month may be entered; the first day of the month is stored.",
    )
    company_id = fields.Many2one("res.company", "Company", required=True, index=True, default=lambda s: s.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    target_amount = fields.Monetary("Target Amount Signed")
    target_contracts = fields.Integer("Target Contracts")

    _user_month_unique = models.UniqueIndex("(company_id, user_id, month)", "A salesperson has one target per month.")
    _month_first_day = models.Constraint(
        "CHECK (EXTRACT(DAY FROM month) = 1)", "A target's month is stored as the first day of the month."
    )
    _targets_positive = models.Constraint(
        "CHECK (target_amount >= 0 AND target_contracts >= 0)", "A target cannot be negative."
    )

    @api.depends("user_id", "month")
    def _compute_display_name(self):
        for target in self:
            month = target.month.strftime("%Y-%m") if target.month else ""
            target.display_name = f"{target.user_id.name or ''} {month}".strip()

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._normalize_month(vals) for vals in vals_list])

    def write(self, vals):
        return super().write(self._normalize_month(vals))

    @api.model
    def _normalize_month(self, vals):
        if vals.get("month"):
            vals = dict(vals, month=date_utils.start_of(fields.Date.to_date(vals["month"]), "month"))
        return vals
