from odoo import fields, models

# What a salesperson may give without approval, and the loan terms behind recommendations, are the office's
# business: internal users without a real estate role and portal customers never read them.
REALTY_ROLES = (
    "realty_base.group_realty_salesperson,realty_base.group_realty_finance,realty_base.group_realty_executive"
)


class ResCompany(models.Model):
    _inherit = "res.company"

    realty_discount_limit = fields.Float(
        "Salesperson Discount Limit (%)",
        default=1.0,
        groups=REALTY_ROLES,
        help="Reservations with a larger extra discount need a sales manager's approval.",
    )
    realty_mortgage_rate = fields.Float(
        "Commercial Mortgage Rate (%)", default=3.05, digits=(5, 3), groups=REALTY_ROLES
    )
    realty_provident_rate = fields.Float(
        "Provident Fund Loan Rate (%)", default=2.85, digits=(5, 3), groups=REALTY_ROLES
    )
    realty_loan_years = fields.Integer("Loan Term (Years)", default=30, groups=REALTY_ROLES)
    realty_income_share = fields.Float(
        "Max Repayment Share of Income (%)",
        default=50.0,
        groups=REALTY_ROLES,
        help="Monthly loan repayments may use at most this share of the household's income minus its debts.",
    )
    realty_provident_loan_cap = fields.Monetary("Provident Fund Loan Cap", default=1_200_000.0, groups=REALTY_ROLES)
    realty_price_rounding = fields.Selection(
        [("yuan", "To the Yuan"), ("fen", "To the Fen (0.01)")],
        "Round Agreed Prices",
        default="yuan",
        required=True,
        groups=REALTY_ROLES,
        help="Agreed prices of reservations are rounded this way when they are computed.",
    )
