from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    realty_discount_limit = fields.Float(
        "Salesperson Discount Limit (%)",
        default=1.0,
        help="Reservations with a larger extra discount need a sales manager's approval.",
    )
    realty_mortgage_rate = fields.Float("Commercial Mortgage Rate (%)", default=3.05, digits=(5, 3))
    realty_provident_rate = fields.Float("Provident Fund Loan Rate (%)", default=2.85, digits=(5, 3))
    realty_loan_years = fields.Integer("Loan Term (Years)", default=30)
    realty_income_share = fields.Float(
        "Max Repayment Share of Income (%)",
        default=50.0,
        help="Monthly loan repayments may use at most this share of the household's income minus its debts.",
    )
    realty_provident_loan_cap = fields.Monetary("Provident Fund Loan Cap", default=1_200_000.0)
    realty_price_rounding = fields.Selection(
        [("yuan", "To the Yuan"), ("fen", "To the Fen (0.01)")],
        "Round Agreed Prices",
        default="yuan",
        required=True,
        help="Agreed prices of reservations are rounded this way when they are computed.",
    )
