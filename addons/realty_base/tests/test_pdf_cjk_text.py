import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

from odoo.tests import BaseCase, tagged

from odoo.addons.realty_base.tools import restore_cjk_text

TO_UNICODE = b"""stream
/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
3 beginbfrange
<0000> <0000> <0000>
<0001> <0004> [<0041> <2F08> <2EA0> <5E01> ]
<0005> <0006> <2F00>
endbfrange
2 beginbfchar
<0007> <2ec6>
<2F08> <0042>
endbfchar
endcmap
endstream
(<2F08> outside a ToUnicode map)"""


@tagged("post_install", "-at_install")
class TestPdfCjkText(BaseCase):
    def test_radicals_in_tounicode_maps_become_ideographs_in_place(self):
        fixed = restore_cjk_text(TO_UNICODE)
        self.assertEqual(len(fixed), len(TO_UNICODE))  # the PDF's byte offsets stay valid
        self.assertIn(b"<0001> <0004> [<0041> <4EBA> <6C11> <5E01> ]", fixed)  # 人 民: text order, kept
        self.assertIn(b"<0007> <89D2>", fixed)  # 角
        self.assertIn(b"<2F08> <0042>", fixed)  # a glyph number is not a character
        self.assertIn(b"<0005> <0006> <2F00>", fixed)  # a run 一丨 cannot be rewritten in place: left alone
        self.assertIn(b"(<2F08> outside a ToUnicode map)", fixed)
        self.assertEqual(restore_cjk_text(b"%PDF-1.4 no maps"), b"%PDF-1.4 no maps")

    def test_wkhtmltopdf_output_reads_back_as_written(self):
        if not (shutil.which("wkhtmltopdf") and shutil.which("pdftotext")):
            raise unittest.SkipTest("needs wkhtmltopdf and pdftotext (poppler-utils)")
        text = "客户户型 人民币大写 壹万元陆角 门 见 长 日期 金额"
        html = f"<html><head><meta charset='utf-8'/></head><body style=\"font-family: 'Noto Sans CJK SC'\">{text}</body></html>"
        with tempfile.TemporaryDirectory() as tmp:
            source, target = Path(tmp, "in.html"), Path(tmp, "out.pdf")
            source.write_text(html, encoding="utf-8")
            subprocess.run(["wkhtmltopdf", "--quiet", str(source), str(target)], capture_output=True, check=True)
            pdf = target.read_bytes()
        self.assertNotIn(text, self._pdftotext(pdf))  # what Qt writes: ⼈⺠币⼤写 … (wkhtmltopdf #4414)
        self.assertIn(text, self._pdftotext(restore_cjk_text(pdf)))

    def _pdftotext(self, pdf):
        result = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True)
        return " ".join(result.stdout.decode().split())
