from odoo import models
from odoo.exceptions import UserError

from ..tools import MAX_AMOUNT, amount_to_chinese_upper


class ResCurrency(models.Model):
    _inherit = "res.currency"

    def amount_to_chinese_upper(self, amount):
        """``amount`` rounded to this currency, in 人民币大写 (壹佰元整): for reports, next to ``amount_to_text``."""
        self.ensure_one()
        try:
            return amount_to_chinese_upper(self.round(amount))
        except ValueError:
            raise UserError(
                self.env._(
                    "%(amount)s cannot be written in Chinese capital numerals: the amount must be between 0 and "
                    "%(maximum)s.",
                    amount=amount,
                    maximum=f"{MAX_AMOUNT:,}",
                )
            )
