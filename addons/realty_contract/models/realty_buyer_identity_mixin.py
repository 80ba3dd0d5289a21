import re

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

ID_TYPES = [
    ("id_card", "ID Card"),
    ("passport", "Passport"),
    ("hk_macau", "Mainland Travel Permit for HK/Macau Residents"),
    ("taiwan", "Mainland Travel Permit for Taiwan Residents"),
]
# GB 11643-1999: the 18th character of a resident identity card number checks the first 17 (ISO 7064 MOD 11-2)
ID_CARD_RE = re.compile(r"^\d{17}[\dX]$")
ID_CARD_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CARD_CHECK_CODES = "10X98765432"


def id_card_check_digit(first_17):
    """The check character of a 身份证 number from its first 17 digits."""
    return ID_CARD_CHECK_CODES[sum(int(digit) * weight for digit, weight in zip(first_17, ID_CARD_WEIGHTS)) % 11]


def is_valid_id_card(number):
    return bool(ID_CARD_RE.match(number or "")) and id_card_check_digit(number[:17]) == number[17]


class RealtyBuyerIdentityMixin(models.AbstractModel):
    """A buyer as contracts and their amendments hold one: who, with which ID document, which share."""

    _name = "realty.buyer.identity.mixin"
    _description = "Buyer Identity"

    sequence = fields.Integer(default=10)
    partner_id = fields.Many2one("res.partner", "Buyer", required=True, index=True)
    id_type = fields.Selection(ID_TYPES, "ID Type", required=True, default="id_card")
    id_number = fields.Char("ID Number")
    phone = fields.Char("Phone")
    share = fields.Float("Share (%)", digits=(5, 2))
    is_main = fields.Boolean("Main Buyer")

    @api.constrains("id_type", "id_number")
    def _check_id_number(self):
        for buyer in self.filtered(lambda b: b.id_type == "id_card" and b.id_number):
            if not is_valid_id_card(buyer.id_number):
                raise ValidationError(
                    self.env._(
                        "%(number)s is not a valid resident ID card number (身份证): it has 18 characters, "
                        "17 digits and a check digit (0-9 or X) that must match them.",
                        number=buyer.id_number,
                    )
                )

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        self.phone = self.partner_id.phone

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._normalize_identity(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._normalize_identity(vals)
        return super().write(vals)

    @api.model
    def _normalize_identity(self, vals):
        if vals.get("id_number"):
            vals["id_number"] = vals["id_number"].strip().upper()

    def _identity_values(self):
        """The values that identify this buyer, to copy it to another buyer model."""
        values = {name: self[name] for name in ("sequence", "id_type", "id_number", "phone", "share", "is_main")}
        return values | {"partner_id": self.partner_id.id}

    def _check_identity(self):
        """Every buyer signs with an ID document whose number is given (and valid, for a 身份证)."""
        for buyer in self:
            if not buyer.id_number:
                raise UserError(
                    self.env._("Enter the ID number of buyer %(buyer)s.", buyer=buyer.partner_id.display_name)
                )
        self._check_id_number()

    def _check_buyer_set(self, document):
        """These buyers sign ``document`` together: at least one, exactly one main buyer, shares of exactly 100 %,
        every ID number given (and valid, for a 身份证)."""
        if not self:
            raise UserError(self.env._("Add the buyers of %(document)s.", document=document))
        if len(self.filtered("is_main")) != 1:
            raise UserError(self.env._("The buyers of %(document)s need exactly one main buyer.", document=document))
        total = sum(self.mapped("share"))
        if float_compare(total, 100.0, precision_digits=2):
            raise UserError(
                self.env._(
                    "The buyers' shares of %(document)s total %(total)s %%; they must total exactly 100 %%.",
                    document=document,
                    total=round(total, 2),
                )
            )
        self._check_identity()
