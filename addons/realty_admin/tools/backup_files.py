"""Backup files and databases, below the ORM: used by ``realty.backup`` and by scripts/backup_cli.py, which must
work when the live database is gone. Messages are lazy translations so that both can show them."""

import contextlib
import hashlib
import io
import json
import os
import re
import shutil
import zipfile
from contextlib import closing

from odoo.modules.registry import Registry
from odoo.service import db as db_service
from odoo.sql_db import close_db, db_connect
from odoo.tools import SQL, config
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

# what the database manager accepts (addons/web/controllers/database.py)
DBNAME_PATTERN = re.compile(r"^[a-zA-Z0-9][a-zA-Z0-9_.-]+$")
# besides every realty_* table, the tables whose row counts a verification compares
COUNTED_TABLES = ("res_partner", "crm_lead", "account_move", "account_move_line", "account_payment", "ir_attachment")
COUNTED_PREFIX = "realty_"
CHUNK = 1024 * 1024

# dump_db/restore_db refuse to run when the server hides the database list (list_db = False, as in production);
# administrators' backups are gated by the realty groups instead, so the undecorated functions are called.
_dump_db = db_service.dump_db.__wrapped__
_restore_db = db_service.restore_db.__wrapped__


class BackupFileError(Exception):
    """A bad backup file or target database; ``message`` is a lazy translation."""

    def __init__(self, message):
        super().__init__(message._translate("en_US"))  # noqa: SLF001 - English for the command line and logs
        self.message = message

    def translated(self, lang):
        return self.message._translate(lang or "en_US")  # noqa: SLF001 - the lazy term in the caller's language


# ------------------------------------------------------------------------------------------------------------
# FILES
# ------------------------------------------------------------------------------------------------------------


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def dump(db_name, path):
    """Odoo's zip dump (SQL + filestore) of ``db_name`` written to ``path``; a failed dump leaves no file."""
    partial = f"{path}.part"
    try:
        with open(partial, "wb") as stream:
            _dump_db(db_name, stream, "zip")
        os.replace(partial, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(partial)
        raise
    return os.path.getsize(path), sha256_file(path)


def check_dump_file(path):
    """The manifest of the Odoo zip dump at ``path``, or BackupFileError (missing, truncated, corrupt, foreign)."""
    if not os.path.isfile(path):
        raise BackupFileError(_lt("The backup file %(path)s does not exist.", path=path))
    if not zipfile.is_zipfile(path):
        raise BackupFileError(_lt("The file %(path)s is not a zip archive, or it is truncated.", path=path))
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if not {"dump.sql", "manifest.json"} <= names:
                raise BackupFileError(
                    _lt("The file %(path)s is not an Odoo backup (it has no dump.sql and manifest.json).", path=path)
                )
            manifest = json.loads(archive.read("manifest.json"))
            broken = archive.testzip()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, zipfile.LargeZipFile) as error:
        raise BackupFileError(_lt("The backup file %(path)s is corrupt: %(error)s", path=path, error=error)) from error
    if broken:
        raise BackupFileError(_lt("The backup file %(path)s is corrupt (%(member)s).", path=path, member=broken))
    if not isinstance(manifest, dict) or "odoo_dump" not in manifest:
        raise BackupFileError(_lt("The file %(path)s is not an Odoo backup (no Odoo manifest).", path=path))
    return manifest


def dump_contents(path):
    """What the zip dump at ``path`` holds: rows per counted table, attachment checksums and stored files."""
    counts, checksums = {}, []
    with zipfile.ZipFile(path) as archive:
        files = {name.split("/", 1)[1] for name in archive.namelist() if name.startswith("filestore/")}
        with archive.open("dump.sql") as raw:
            table, checksum_column = None, None
            for line in io.TextIOWrapper(raw, encoding="utf-8"):
                if table is None:
                    match = re.match(r"COPY public\.(\w+) \((.*)\) FROM stdin;", line)
                    if match and _counted(match[1]):
                        table = match[1]
                        counts[table] = 0
                        columns = match[2].split(", ")
                        checksum_column = columns.index("checksum") if table == "ir_attachment" else None
                elif line == "\\.\n":
                    table = None
                else:
                    counts[table] += 1
                    if checksum_column is not None:
                        checksums.append(line.rstrip("\n").split("\t")[checksum_column])
    checksums = [checksum for checksum in checksums if checksum != "\\N"]
    return {"counts": counts, "attachment_digest": _digest(checksums), "file_count": len(files)}


def _counted(table):
    return table.startswith(COUNTED_PREFIX) or table in COUNTED_TABLES


def _digest(checksums):
    return hashlib.sha256("\n".join(sorted(checksums)).encode()).hexdigest()


# ------------------------------------------------------------------------------------------------------------
# DATABASES
# ------------------------------------------------------------------------------------------------------------


def database_exists(db_name):
    with closing(db_connect("postgres").cursor()) as cr:
        cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db_name])
        return bool(cr.fetchone())


def check_target_name(db_name, live_db=None):
    """Refuse a target database name that is invalid, the live database or an existing one."""
    if not db_name or not DBNAME_PATTERN.match(db_name):
        raise BackupFileError(
            _lt(
                "“%(name)s” is not a valid database name: use letters, digits, “_”, “-” and “.”, "
                "starting with a letter or digit.",
                name=db_name or "",
            )
        )
    if db_name == live_db:
        raise BackupFileError(_lt("A backup is never restored over the live database %(name)s.", name=db_name))
    if database_exists(db_name):
        raise BackupFileError(_lt("The database %(name)s already exists: choose a new name.", name=db_name))


def restore(db_name, path, live_db=None):
    """Restore the zip dump at ``path`` into the NEW database ``db_name``; on failure nothing of it is left."""
    check_dump_file(path)
    check_target_name(db_name, live_db)
    try:
        with _no_tests():
            _restore_db(db_name, path, copy=True)
        _check_restored(db_name)
    except Exception as error:
        drop(db_name)
        if isinstance(error, BackupFileError):
            raise
        message = _lt(
            "The backup could not be restored into %(name)s, which was dropped: %(error)r", name=db_name, error=error
        )
        raise BackupFileError(message) from error
    finally:
        Registry.delete(db_name)  # this server does not serve the restored database: free its registry


@contextlib.contextmanager
def _no_tests():
    """Loading the restored database's registry must not run its at_install tests when this server runs tests."""
    test_enable = config["test_enable"]
    config["test_enable"] = False
    try:
        yield
    finally:
        config["test_enable"] = test_enable


def _check_restored(db_name):
    """psql carries on after errors: a database without installed modules is a failed restore."""
    with closing(db_connect(db_name).cursor()) as cr:
        cr.execute("SELECT to_regclass('ir_module_module') IS NOT NULL")
        initialized = cr.fetchone()[0]
        if initialized:
            cr.execute("SELECT 1 FROM ir_module_module WHERE name = 'base' AND state = 'installed'")
            initialized = bool(cr.fetchone())
        if not initialized:
            raise BackupFileError(_lt("The backup restored no Odoo database into %(name)s.", name=db_name))


def drop(db_name):
    """Drop ``db_name`` and its filestore if they exist (exp_drop only drops the databases the server lists)."""
    Registry.delete(db_name)
    close_db(db_name)
    with closing(db_connect("postgres").cursor()) as cr:
        cr.rollback()
        cr._cnx.autocommit = True  # noqa: SLF001 - DROP DATABASE cannot run inside a transaction
        db_service._drop_conn(cr, db_name)  # noqa: SLF001
        cr.execute(SQL("DROP DATABASE IF EXISTS %s", SQL.identifier(db_name)))
    shutil.rmtree(config.filestore(db_name), ignore_errors=True)


def database_contents(db_name, tables):
    """The rows of ``tables``, the attachments' checksum digest and the filestore files (checked) of ``db_name``."""
    with closing(db_connect(db_name).cursor()) as cr:
        counts = {}
        for table in tables:
            cr.execute(SQL("SELECT count(*) FROM %s", SQL.identifier(table)))
            counts[table] = cr.fetchone()[0]
        cr.execute("SELECT checksum, store_fname FROM ir_attachment WHERE checksum IS NOT NULL")
        rows = cr.fetchall()
    filestore = config.filestore(db_name)
    present = {fname for _checksum, fname in rows if fname and os.path.isfile(os.path.join(filestore, fname))}
    damaged = sorted(fname for checksum, fname in rows if fname in present and _file_sha1(filestore, fname) != checksum)
    return {
        "counts": counts,
        "attachment_digest": _digest(checksum for checksum, _fname in rows),
        "file_count": _count_files(filestore),
        "damaged_files": damaged,
    }


def _file_sha1(filestore, fname):
    digest = hashlib.sha1()  # noqa: S324 - Odoo's attachment checksum is SHA-1
    with open(os.path.join(filestore, fname), "rb") as file:
        for block in iter(lambda: file.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def _count_files(directory):
    return sum(len(files) for _root, _dirs, files in os.walk(directory))
