from odoo import fields, models

from odoo.addons.realty_sales.models.res_company import REALTY_ROLES


class ResCompany(models.Model):
    _inherit = "res.company"

    realty_invoice_lead_days = fields.Integer(
        "Bill Installments Days Ahead",
        default=15,
        groups=REALTY_ROLES,
        help="Each installment is invoiced this many days before its due date.",
    )
    realty_installment_product_id = fields.Many2one(
        "product.product",
        "Installment Product",
        groups=REALTY_ROLES,
        help="The product on installment invoices; its income account is used unless one is set below.",
    )
    realty_income_account_id = fields.Many2one(
        "account.account",
        "Installment Income Account",
        groups=REALTY_ROLES,
        domain="[('account_type', 'in', ('income', 'income_other', 'liability_current'))]",
        help="Often an advance-receipts account (预收账款) until the unit is delivered. Empty: the product's.",
    )

    realty_late_fee_rate = fields.Float(
        "Late Fee Daily Rate (%)",
        default=0.05,
        digits=(6, 4),
        groups=REALTY_ROLES,
        help="违约金: each day an installment is overdue costs this share of its open amount. 0 bills no late fee.",
    )

    def _realty_installment_product(self):
        """The product installment invoices bill (the company's, else the one this module ships)."""
        self.ensure_one()
        return self.sudo().realty_installment_product_id or self.env.ref("realty_finance.product_installment")
