"""人民币大写: an amount of money in the capital numerals of receipts, cheques and contracts.

Pure Python (no Odoo), so that every realty addon, script or test can call it. Reports reach it through
``res.currency.amount_to_chinese_upper()``.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from cn2an import an2cn

FEN = Decimal("0.01")
# 玖仟玖佰玖拾玖亿…玖分: the largest amount written without 万亿 (cn2an itself stops at 16 digits)
MAX_AMOUNT = Decimal("999999999999.99")


def amount_to_chinese_upper(amount) -> str:
    """Return ``amount`` (yuan; int, float, Decimal or str) in 人民币大写, rounded half up to the fen.

    1234567.89 gives 壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分, 10 gives 壹拾元整 (整 ends whole yuan), 0.05 gives 伍分.
    Raises ValueError for a negative, non-finite or too large amount: a document states what is paid, and a
    refund prints its own positive amount.
    """
    value = _to_fen(amount)
    if value < 0:
        raise ValueError(f"A negative amount ({value}) cannot be written in Chinese capital numerals.")
    if value > MAX_AMOUNT:
        raise ValueError(f"{value} is above {MAX_AMOUNT}, the largest amount written in Chinese capital numerals.")
    return an2cn(f"{value.copy_abs():f}", "rmb")  # copy_abs: -0.00 (a float's -0.0) is 零元整, not 负零元整


def _to_fen(amount) -> Decimal:
    """``amount`` as a Decimal rounded to the fen; str() first so that a float 0.29 stays 0.29."""
    if isinstance(amount, bool):
        raise ValueError(f"{amount!r} is not an amount.")
    try:
        value = Decimal(str(amount))
    except InvalidOperation:
        raise ValueError(f"{amount!r} is not an amount.") from None
    if not value.is_finite():
        raise ValueError(f"{amount!r} is not an amount.")
    return value.quantize(FEN, rounding=ROUND_HALF_UP)
