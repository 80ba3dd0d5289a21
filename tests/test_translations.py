"""Every addon ships a complete Simplified Chinese translation (i18n/zh_CN.po).

Static checks only, no database or Odoo server: the file exists, parses with polib, has no untranslated and no
fuzzy entries, every placeholder of a msgid (``%(name)s``, ``%s``) is kept in its msgstr, and HTML tags are kept.

Regenerate the terms of an addon with (see docs / ODOO19.md "Translations / zh_CN"):

    odoo-bin --addons-path=... -d DB -i ADDON --stop-after-init
    odoo-bin --addons-path=... i18n loadlang -d DB -l zh_CN
    odoo-bin --addons-path=... i18n export -d DB ADDON -l zh_CN
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import polib
import pytest

ADDONS_DIR = Path(__file__).resolve().parent.parent / "addons"
LANG = "zh_CN"

# %(name)s and %s; "%%" is a literal percent sign and is removed before matching.
NAMED_PLACEHOLDER = re.compile(r"%\([^)]+\)s")
POSITIONAL_PLACEHOLDER = re.compile(r"%s")
HTML_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)\b")


def _addons() -> list[Path]:
    return sorted(path.parent for path in ADDONS_DIR.glob("*/__manifest__.py"))


def _po_path(addon: Path) -> Path:
    return addon / "i18n" / f"{LANG}.po"


def _load(addon: Path) -> polib.POFile:
    path = _po_path(addon)
    if not path.is_file():
        pytest.skip(f"{path.relative_to(ADDONS_DIR.parent)} is missing (reported by test_po_file_exists)")
    try:
        return polib.pofile(str(path), encoding="utf-8")
    except (OSError, ValueError) as exc:  # polib raises OSError (IOError) on syntax errors
        pytest.fail(f"{path.relative_to(ADDONS_DIR.parent)} does not parse: {exc}")


def _translations(entry: polib.POEntry) -> list[tuple[str, str]]:
    """(source, translation) pairs of an entry, plural forms included."""
    if entry.msgid_plural:
        return [
            (entry.msgid if index == 0 else entry.msgid_plural, msgstr)
            for index, msgstr in sorted(entry.msgstr_plural.items())
        ]
    return [(entry.msgid, entry.msgstr)]


def _placeholders(text: str) -> tuple[Counter, int]:
    text = text.replace("%%", "")
    return Counter(NAMED_PLACEHOLDER.findall(text)), len(POSITIONAL_PLACEHOLDER.findall(text))


def _short(text: str) -> str:
    return repr(text if len(text) <= 80 else text[:77] + "...")


def test_addons_found():
    assert _addons(), f"no addon with a __manifest__.py under {ADDONS_DIR}"


@pytest.mark.parametrize("addon", _addons(), ids=lambda addon: addon.name)
def test_po_file_exists(addon):
    path = _po_path(addon)
    assert path.is_file(), f"{path.relative_to(ADDONS_DIR.parent)} is missing"


@pytest.fixture(params=_addons(), ids=lambda addon: addon.name)
def po(request) -> polib.POFile:
    return _load(request.param)


def test_header(po):
    assert po.metadata.get("Language") in (None, "", LANG), f"Language header is {po.metadata.get('Language')!r}"
    assert "charset=UTF-8" in po.metadata.get("Content-Type", ""), "the .po file must declare charset=UTF-8"


def test_has_entries(po):
    assert [entry for entry in po if not entry.obsolete], "no translatable terms: export the terms first"


def test_no_untranslated_entries(po):
    untranslated = [
        entry.msgid
        for entry in po
        if not entry.obsolete and any(not msgstr.strip() for _msgid, msgstr in _translations(entry))
    ]
    assert not untranslated, f"{len(untranslated)} untranslated: " + ", ".join(map(_short, untranslated[:20]))


def test_no_fuzzy_entries(po):
    fuzzy = [entry.msgid for entry in po if "fuzzy" in entry.flags]
    assert not fuzzy, f"{len(fuzzy)} fuzzy: " + ", ".join(map(_short, fuzzy[:20]))


def test_placeholders_kept(po):
    problems = []
    for entry in po:
        for msgid, msgstr in _translations(entry):
            if not msgstr:
                continue  # reported by test_no_untranslated_entries
            named_src, positional_src = _placeholders(msgid)
            named_dst, positional_dst = _placeholders(msgstr)
            missing = sorted(set(named_src) - set(named_dst))
            unknown = sorted(set(named_dst) - set(named_src))
            if missing:
                problems.append(f"{_short(msgid)}: msgstr lacks {', '.join(missing)}")
            if unknown:
                problems.append(f"{_short(msgid)}: msgstr has unknown {', '.join(unknown)}")
            if positional_src != positional_dst:
                problems.append(f"{_short(msgid)}: {positional_src} %s in msgid, {positional_dst} in msgstr")
    assert not problems, "\n".join(problems)


def test_html_tags_kept(po):
    problems = [
        _short(msgid)
        for entry in po
        for msgid, msgstr in _translations(entry)
        if msgstr and Counter(HTML_TAG.findall(msgid)) != Counter(HTML_TAG.findall(msgstr))
    ]
    assert not problems, "HTML tags differ between msgid and msgstr: " + ", ".join(problems)
