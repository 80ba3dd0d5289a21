#!/usr/bin/env python3
"""Give back to a freshly exported .po the translations its previous version had for the same terms.

`odoo-bin i18n export` writes the code terms (Python and JavaScript strings) of an addon with empty translations
when the export database does not hold them, which would silently drop reviewed work; run by scripts/i18n.sh.

    i18n_keep.py OLD.po NEW.po   (NEW.po is rewritten in place)
"""

import sys

import polib

HEADER = {"Language-Team": "Chinese (Simplified)", "Language": "zh_CN", "Plural-Forms": "nplurals=1; plural=0;"}


def keep(old_path: str, new_path: str) -> int:
    old = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in polib.pofile(old_path) if entry.msgstr}
    new = polib.pofile(new_path, wrapwidth=78)
    restored = 0
    for entry in new.untranslated_entries():
        if msgstr := old.get((entry.msgctxt, entry.msgid)):
            entry.msgstr = msgstr
            restored += 1
    for key, value in HEADER.items():
        if not new.metadata.get(key):
            new.metadata[key] = value
    new.save()
    return restored


if __name__ == "__main__":
    count = keep(*sys.argv[1:3])
    print(f"  {sys.argv[2]}: {count} translation(s) kept from the previous version")
