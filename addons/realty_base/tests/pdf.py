"""The text of the PDFs our reports print, for tests: wkhtmltopdf renders them, poppler's pdftotext reads them."""

import shutil
import subprocess
import unittest


def skip_without_pdf_tools():
    """Skip the calling test where wkhtmltopdf or pdftotext (poppler-utils) is missing."""
    if not (shutil.which("wkhtmltopdf") and shutil.which("pdftotext")):
        raise unittest.SkipTest("needs wkhtmltopdf and pdftotext (poppler-utils)")


def pdf_text(content):
    """The text of a PDF on one line: table cells may wrap, so compare on single spaces."""
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()
    return " ".join(text.split())
