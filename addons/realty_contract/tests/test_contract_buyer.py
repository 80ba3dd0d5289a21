from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import VALID_ID_CARD, RealtyContractCase
from odoo.addons.realty_contract.models.realty_buyer_identity_mixin import id_card_check_digit, is_valid_id_card


@tagged("post_install", "-at_install")
class TestContractBuyer(RealtyContractCase):
    """Buyers' ID documents: a 身份证 number carries its GB 11643 check digit."""

    def test_id_card_check_digit(self):
        self.assertEqual(id_card_check_digit(VALID_ID_CARD[:17]), "X")
        self.assertTrue(is_valid_id_card(VALID_ID_CARD))
        for number in ("110105194912310021", "11010519491231002", "1101051949123100XX", "", "11010519491231002x"):
            with self.subTest(number=number):
                self.assertFalse(is_valid_id_card(number))

    def test_invalid_id_card_is_refused_with_a_clear_message(self):
        contract = self._draft_contract()
        buyer = contract.buyer_ids
        with self.assertRaisesRegex(ValidationError, "110105194912310021"):
            buyer.write({"id_number": "110105194912310021"})
        with self.assertRaises(ValidationError):
            buyer.write({"id_number": "12345"})
        buyer.write({"id_number": " 11010519491231002x "})  # typed with spaces and a small x
        self.assertEqual(buyer.id_number, VALID_ID_CARD)

    def test_other_documents_are_not_checked_as_id_cards(self):
        contract = self._draft_contract()
        contract.buyer_ids.write({"id_type": "passport", "id_number": "E12345678"})
        contract.buyer_ids.write({"id_type": "hk_macau", "id_number": "H1234567801"})
        self.assertEqual(contract.buyer_ids.id_number, "H1234567801")
        with self.assertRaises(ValidationError):
            contract.buyer_ids.write({"id_type": "id_card"})
