from .chinese_amount import MAX_AMOUNT, amount_to_chinese_upper
from .pdf_cjk_text import restore_cjk_text
