from odoo import api, models

# what the comparison page needs of a payment plan to estimate its payments (no internal notes)
PUBLIC_PLAN_FIELDS = ["name", "kind", "discount", "down_payment_rate", "first_payment_share", "fixed_amount_total"]


class RealtyPaymentPlan(models.Model):
    _inherit = "realty.payment.plan"

    @api.model
    def _public_plans(self, companies):
        """The active payment plans of these companies, as the public comparison page estimates them: the plans are
        the sales office's published offer; visitors have no access to the model itself."""
        # sudo: the public terms (PUBLIC_PLAN_FIELDS) fetched explicitly, for the estimate of each layout's payments
        return self.sudo().search_fetch([("company_id", "in", companies.ids)], [*PUBLIC_PLAN_FIELDS, "company_id"])
