"""Back up or restore a Realty CRM database from the command line, as the Backups screen does.

    python3 scripts/backup_cli.py [odoo options] backup DB        # a manual backup of DB (realty_admin installed)
    python3 scripts/backup_cli.py [odoo options] restore FILE DB  # FILE into the NEW database DB

Odoo options are server options such as -c odoo.conf --addons-path=… (scripts/backup.sh and restore.sh pass them).
A backup is recorded in DB's Backups list (same directory, checksums and retention as the cron). A restore checks
the file (zip, Odoo dump, CRCs) and the name first, and drops the database again if the restore fails: it needs no
other database, so it works when the live one is gone. Exit status 0 on success, 1 with a message otherwise.
"""

import argparse
import sys

import odoo
from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.tools import config


def backup(db_name):
    with Registry(db_name).cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        if "realty.backup" not in env:
            sys.exit(f"realty_admin is not installed in {db_name}: install it, or use `odoo db dump`.")
        record = env["realty.backup"]._run_backup("manual")
        cr.commit()
        if record.state != "done":
            sys.exit(f"Backup failed: {record.error}")
        print(f"{record.path}\n  {record.file_size:.0f} bytes, sha256 {record.sha256}, {record.duration:.1f} s")


def restore(path, db_name):
    from odoo.addons.realty_admin.tools import backup_files  # noqa: PLC0415 - after the addons path is set

    try:
        backup_files.restore(db_name, path)
    except backup_files.BackupFileError as error:
        sys.exit(str(error))
    print(
        f"Restored {path} into the new database {db_name}.\n"
        f"Switch over: stop Odoo, set db_name = {db_name} (and dbfilter = ^{db_name}$) in the server configuration, "
        "start Odoo; keep the old database until the new one is confirmed."
    )


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("backup").add_argument("db")
    restore_parser = commands.add_parser("restore")
    restore_parser.add_argument("file")
    restore_parser.add_argument("db")
    index = next(i for i, arg in enumerate(argv) if arg in ("backup", "restore"))
    args = parser.parse_args(argv[index:])
    config.parse_config(argv[:index], setup_logging=True)
    odoo.tools.config["list_db"] = True  # like `odoo db`: this is the operator's own shell
    if args.command == "backup":
        backup(args.db)
    else:
        restore(args.file, args.db)


if __name__ == "__main__":
    main(sys.argv[1:])
