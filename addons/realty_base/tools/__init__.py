from .chinese_amount import MAX_AMOUNT, amount_to_chinese_upper
