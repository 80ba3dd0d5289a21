"""Make a demo database speak Simplified Chinese from the first login; English stays in each user's preferences.

Input for `odoo-bin shell` (which defines `env`), run by scripts/run.sh and the docker image right after they
create the demo database with --load-language=zh_CN. It also works on an existing database:

    odoo-bin -c odoo.conf --addons-path=... shell -d realty --no-http < scripts/demo_language.py

It loads zh_CN if the database lacks it, sets it on every user (admin, the demo users, the portal demo user and
the public user, archived ones included) and makes it the default language of new contacts and users. It also
keeps English active: a database created with --load-language=zh_CN alone has only 简体中文 (base's
res.lang.install_lang activates the first language of --load-language instead of en_US), and then nobody could
choose English in their preferences. Idempotent.
"""

LANG = "zh_CN"


def speak(env, lang: str = LANG) -> None:
    from odoo.tools.translate import load_language  # noqa: PLC0415  (odoo is importable inside odoo shell)

    if not env["res.lang"]._lang_get(lang):
        load_language(env.cr, lang)  # what --load-language does
    env["res.lang"]._activate_lang("en_US")  # source terms: nothing to load
    users = env["res.users"].with_context(active_test=False).search([])
    users.write({"lang": lang})
    env["ir.default"].set("res.partner", "lang", lang)  # new contacts and users (a user is a contact)
    env.cr.commit()
    active = ", ".join(code for code, _name in env["res.lang"].get_installed())
    print(f"{lang}: set on {len(users)} users ({', '.join(users.mapped('login'))}) and new contacts; active: {active}")


speak(env)  # noqa: F821  (odoo shell provides env)
