from odoo import fields, models

from odoo.addons.realty_sales.models.res_company import REALTY_ROLES


class ResCompany(models.Model):
    _inherit = "res.company"

    realty_mortgage_stall_days = fields.Integer(
        "Mortgage Stage Reminder (Days)",
        default=14,
        groups=REALTY_ROLES,
        help="A mortgage that stays this many days in one stage gets an activity for the contract's salesperson.",
    )

    _realty_mortgage_stall_days_positive = models.Constraint(
        "CHECK(realty_mortgage_stall_days > 0)", "The mortgage reminder needs at least one day."
    )
