"""Chinese text that copies, searches and extracts right from the PDFs wkhtmltopdf makes.

Qt (inside wkhtmltopdf, patched or not) writes the ToUnicode map of each embedded font by scanning the font's cmap
upwards from U+0000 and keeping the first code point of each glyph. Noto Sans/Serif CJK SC draw 人 (U+4EBA) and the
Kangxi radical ⼈ (U+2F08) with one glyph, so the PDF says ⼈: the page looks right, but copy, search and pdftotext
read 人民币 as ⼈⺠币 and the 角 of an amount in words as ⻆ (wkhtmltopdf issue #4414). About 200 common characters
are concerned (一 人 大 日 月 金 门 见 车 长 …).

``restore_cjk_text()`` maps those radicals back to their ideographs inside the ToUnicode maps, which Qt writes
uncompressed. Each replacement has the length of what it replaces, so the PDF's offsets and outlines stay valid.
A PDF without such maps (another engine, a compressed map) is returned unchanged.
"""

import re
import unicodedata

# CJK Radicals Supplement: radical and ideograph pairs that Noto Sans/Serif CJK SC draw with one glyph
# (Unicode's EquivalentUnifiedIdeograph.txt as these fonts apply it, read from their cmap)
_SUPPLEMENT_PAIRS = (
    "⺂乛⺃乚⺅亻⺉刂⺋㔾⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺘扌⺙攵⺛旡⺞歺⺟母⺠民⺡氵⺣灬⺤爫⺦丬⺨犭⺫罒⺭礻⺯糹"
    "⺰纟⺱罓⺲罒⺳㓁⺹耂⺺肀⺾艹⻁虎⻂衤⻃覀⻅见⻆角⻈讠⻉贝⻋车⻌辶⻐钅⻑長⻒镸⻓长⻔门⻖阝⻘青⻙韦⻚页⻛风"
    "⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟"
)
# Kangxi Radicals: their compatibility decomposition, except where the SC fonts share the simplified form's glyph
_KANGXI_SC_EXCEPTIONS = {"⼾": "户"}  # NFKC gives 戶; 户 is the one in 客户 and 户型
_KANGXI_RADICALS = range(0x2F00, 0x2FD6)

_CMAP = re.compile(rb"begincmap\b.*?\bendcmap\b", re.S)
_BFRANGE = re.compile(rb"(beginbfrange\b)(.*?)(\bendbfrange\b)", re.S)
_BFCHAR = re.compile(rb"(beginbfchar\b)(.*?)(\bendbfchar\b)", re.S)
# <first> <last> followed by an array of destinations, or by one destination (a run: only fixed when one glyph long)
_RANGE_ENTRY = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)")
_CHAR_ENTRY = re.compile(rb"(<[0-9A-Fa-f]+>\s*)(<[0-9A-Fa-f]+>)")
_HEX4 = re.compile(rb"<([0-9A-Fa-f]{4})>")


def _radical_table():
    pairs = dict(zip(_SUPPLEMENT_PAIRS[::2], _SUPPLEMENT_PAIRS[1::2]))
    for code in _KANGXI_RADICALS:
        radical = chr(code)
        pairs[radical] = _KANGXI_SC_EXCEPTIONS.get(radical) or unicodedata.normalize("NFKC", radical)
    return {f"{ord(radical):04X}".encode(): f"{ord(ideograph):04X}".encode() for radical, ideograph in pairs.items()}


RADICAL_TO_IDEOGRAPH = _radical_table()  # b"2F08" -> b"4EBA": UTF-16 code units as ToUnicode maps write them


def restore_cjk_text(pdf: bytes) -> bytes:
    """Return ``pdf`` with the radicals of its ToUnicode maps replaced by the ideographs drawn with the same glyph."""
    if b"begincmap" not in pdf:
        return pdf
    return _CMAP.sub(lambda cmap: _fix_cmap(cmap.group(0)), pdf)


def _fix_cmap(cmap: bytes) -> bytes:
    cmap = _BFRANGE.sub(lambda block: block[1] + _RANGE_ENTRY.sub(_fix_range, block[2]) + block[3], cmap)
    return _BFCHAR.sub(lambda block: block[1] + _CHAR_ENTRY.sub(_fix_char, block[2]) + block[3], cmap)


def _fix_range(entry):
    destinations = entry[3]
    if destinations.startswith(b"<") and int(entry[1], 16) != int(entry[2], 16):
        return entry[0]  # a run of consecutive code points: its radicals' ideographs are not consecutive
    return entry[0][: entry.start(3) - entry.start(0)] + _HEX4.sub(_fix_code, destinations)


def _fix_char(entry):
    return entry[1] + _HEX4.sub(_fix_code, entry[2])


def _fix_code(code):
    ideograph = RADICAL_TO_IDEOGRAPH.get(code[1].upper())
    return b"<" + ideograph + b">" if ideograph else code[0]
