from decimal import Decimal

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.realty_base.tools import amount_to_chinese_upper


@tagged("post_install", "-at_install")
class TestChineseAmount(TransactionCase):
    def test_amounts_in_chinese_capital_numerals(self):
        cases = [
            (0, "零元整"),
            (0.05, "伍分"),
            (10, "壹拾元整"),
            (100000, "壹拾万元整"),
            (1000000.10, "壹佰万元壹角"),
            (1234567.89, "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"),
            (100000.05, "壹拾万元零伍分"),
            (1001, "壹仟零壹元整"),
            (100010000, "壹亿零壹万元整"),
            (Decimal("2916480.00"), "贰佰玖拾壹万陆仟肆佰捌拾元整"),
            ("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
        ]
        for amount, expected in cases:
            with self.subTest(amount=amount):
                self.assertEqual(amount_to_chinese_upper(amount), expected)

    def test_rounds_half_up_to_the_fen(self):
        self.assertEqual(amount_to_chinese_upper(1.005), "壹元零壹分")  # cn2an alone truncates it to 壹元整
        self.assertEqual(amount_to_chinese_upper(0.1 + 0.2), "叁角")  # float noise 0.30000000000000004
        self.assertEqual(amount_to_chinese_upper(-0.0), "零元整")
        self.assertEqual(amount_to_chinese_upper(-0.004), "零元整")

    def test_refuses_what_is_not_a_payable_amount(self):
        for amount in (-0.01, -1234.5, 1_000_000_000_000, float("nan"), float("inf"), "12abc", None, True):
            with self.subTest(amount=amount), self.assertRaises(ValueError):
                amount_to_chinese_upper(amount)

    def test_currency_method_rounds_to_the_currency_and_refuses_negatives(self):
        currency = self.env.ref("base.CNY")
        self.assertEqual(currency.amount_to_chinese_upper(2003033.996), "贰佰万叁仟零叁拾肆元整")
        with self.assertRaisesRegex(UserError, "Chinese capital numerals"):
            currency.amount_to_chinese_upper(-50000)
