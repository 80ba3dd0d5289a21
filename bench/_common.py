"""Helpers shared by the benchmarks in bench/ (see bench/README.md).

Finding Odoo: $ODOO_SRC (a source tree), else the `odoo` package that this Python imports. The addons path
is $ODOO_ADDONS_PATH when set (scripts/bench.sh exports it), else Odoo's `addons/` + this repository's
`addons/`; the server configuration is $ODOO_CONF, else `odoo.conf` at the repository root.

Databases: every benchmark works on a throwaway database (realty_sales installed, no demo data) that is
dropped at the end, filestore included. Set BENCH_DB=<name> to keep a database between runs instead: it is
created on first use and never dropped, and the benchmarks reuse the data they find in it.
"""

from __future__ import annotations

import contextlib
import cProfile
import io
import os
import pstats
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALL_TIMEOUT = 900  # seconds allowed to create a database with realty_sales
DEFAULT_MODULES = ("realty_sales",)  # what a bench database has installed unless a benchmark asks for more


# ----------------------------------------------------------------------
# Finding Odoo
# ----------------------------------------------------------------------


def odoo_src() -> str:
    """The Odoo source tree: $ODOO_SRC, else the directory above the importable `odoo` package."""
    src = os.environ.get("ODOO_SRC")
    if src:
        if src not in sys.path:
            sys.path.insert(0, src)  # make `import odoo` find that tree
        return os.path.abspath(src)
    try:
        import odoo  # noqa: PLC0415
    except ImportError:
        sys.exit("Odoo 19 is not importable and ODOO_SRC is not set (see scripts/odoo-env.sh)")
    return os.path.dirname(odoo.__path__[0])


def addons_path() -> str:
    if os.environ.get("ODOO_ADDONS_PATH"):
        return os.environ["ODOO_ADDONS_PATH"]
    paths = [os.path.join(odoo_src(), "addons"), str(ROOT / "addons")]
    return ",".join(path for path in paths if os.path.isdir(path))


def odoo_conf() -> str:
    return os.environ.get("ODOO_CONF") or str(ROOT / "odoo.conf")


def odoo_command() -> list[str]:
    """How to start Odoo in a subprocess: $ODOO_BIN, else `python odoo-bin`, else `python -m odoo`.

    odoo-bin is preferred: in prefork mode (--workers) Odoo re-runs sys.argv[0] to start its gevent process,
    which fails (and is respawned over and over) when Odoo was started with `-m odoo`.
    """
    if os.environ.get("ODOO_BIN"):
        return shlex.split(os.environ["ODOO_BIN"])
    odoo_bin = os.path.join(odoo_src(), "odoo-bin")
    if os.path.isfile(odoo_bin):
        return [sys.executable, odoo_bin]
    return [sys.executable, "-m", "odoo"]


def server_command(db: str, *args: str, workdir: str | None = None) -> list[str]:
    """Command line of an Odoo run on db. With workdir, a `-m odoo` command becomes a launcher script written
    there, so that prefork mode can re-run it (see odoo_command)."""
    command = odoo_command()
    if workdir and command[1:] == ["-m", "odoo"]:
        launcher = os.path.join(workdir, "odoo-launcher.py")
        with open(launcher, "w") as file:
            file.write("from odoo.cli.command import main\n\nmain()\n")
        command = [command[0], launcher]
    return [*command, "-c", odoo_conf(), f"--addons-path={addons_path()}", "-d", db, *args]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def say(message: str = "") -> None:
    print(message, flush=True)


def exit_on_sigterm() -> None:
    """Turn SIGTERM into SystemExit, so that the `finally` blocks (stop the server, drop the database) run."""

    def handler(signum, _frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, handler)


# ----------------------------------------------------------------------
# Databases
# ----------------------------------------------------------------------

_config_db: str | None = None


def setup_odoo(db: str) -> None:
    """Parse Odoo's configuration for this process once (quiet logging: warnings and errors only)."""
    global _config_db
    if _config_db is not None:
        if _config_db != db:
            raise RuntimeError(f"this process is set up for database {_config_db}, not {db}")
        return
    odoo_src()
    from odoo.tools import config  # noqa: PLC0415

    config.parse_config(
        ["-c", odoo_conf(), f"--addons-path={addons_path()}", "-d", db, "--log-level=warn"], setup_logging=True
    )
    _config_db = db


def database_exists(db: str) -> bool:
    from odoo.sql_db import db_connect  # noqa: PLC0415

    with contextlib.closing(db_connect("postgres").cursor()) as cr:
        cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", (db,))
        return bool(cr.fetchone())


def missing_modules(db: str, modules: tuple[str, ...]) -> list[str]:
    """Those of modules that are not installed in db."""
    from odoo.sql_db import db_connect  # noqa: PLC0415

    with contextlib.closing(db_connect(db).cursor()) as cr:
        cr.execute("SELECT name FROM ir_module_module WHERE state = 'installed' AND name IN %s", (tuple(modules),))
        installed = {name for (name,) in cr.fetchall()}
    return [module for module in modules if module not in installed]


def create_database(db: str, modules: tuple[str, ...] = DEFAULT_MODULES) -> None:
    """Create db with modules (default realty_sales) installed and no demo data, in an Odoo subprocess; on an
    existing db, install them."""
    names = ",".join(modules)
    cmd = [
        *server_command(db, "-i", names, "--stop-after-init"),
        "--http-interface=127.0.0.1",
        f"--http-port={free_port()}",
        "--log-level=warn",
    ]
    say(f"Installing {names} into database {db} (no demo data) ...")
    start = time.perf_counter()
    proc = subprocess.run(
        cmd, cwd=ROOT, capture_output=True, text=True, timeout=INSTALL_TIMEOUT, stdin=subprocess.DEVNULL, check=False
    )
    if proc.returncode != 0:
        raise RuntimeError(
            f"installing {names} into {db} failed (exit code {proc.returncode}):\n{proc.stdout[-3000:]}\n"
            f"{proc.stderr[-3000:]}"
        )
    say(f"Database {db} ready in {time.perf_counter() - start:.0f} s")


def drop_database(db: str) -> None:
    """Drop db (ending its other connections) and remove its filestore."""
    from odoo.modules.registry import Registry  # noqa: PLC0415
    from odoo.sql_db import close_db, db_connect  # noqa: PLC0415
    from odoo.tools import config  # noqa: PLC0415

    Registry.delete(db)
    close_db(db)
    with contextlib.closing(db_connect("postgres").cursor()) as cr:
        cr._cnx.autocommit = True
        cr.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            (db,),
        )
        cr.execute(f'DROP DATABASE IF EXISTS "{db}"')
    shutil.rmtree(config.filestore(db), ignore_errors=True)
    say(f"Database {db} and its filestore dropped")


@contextlib.contextmanager
def bench_database(tag: str, db: str | None = None, modules: tuple[str, ...] = DEFAULT_MODULES) -> Iterator[str]:
    """Yield the name of a database with modules (default realty_sales) installed.

    db (or $BENCH_DB when db is None) names a database to keep: it is created if missing (modules missing from it
    are installed) and never dropped. Otherwise a throwaway database bench_<tag>_<pid> is created and dropped at
    the end, whatever happens.
    """
    keep = db or os.environ.get("BENCH_DB")
    name = keep or f"bench_{tag}_{os.getpid()}"
    setup_odoo(name)
    try:
        if not (keep and database_exists(name)):
            create_database(name, modules)
        elif keep:
            say(f"Reusing database {name}")
            if missing := missing_modules(name, modules):
                create_database(name, tuple(missing))
        yield name
    finally:
        if keep:
            say(f"Database {name} kept (BENCH_DB / --db)")
        else:
            drop_database(name)


@contextlib.contextmanager
def odoo_env(db: str) -> Iterator:
    """An Odoo environment (superuser, in-process) on db; commits when the block ends without error."""
    setup_odoo(db)
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415

    registry = Registry(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        yield api.Environment(cr, SUPERUSER_ID, env["res.users"].context_get())


# ----------------------------------------------------------------------
# Measuring
# ----------------------------------------------------------------------


@dataclass
class Measure:
    """Timings (milliseconds) of several runs of one callable, and the SQL queries of the fastest run."""

    label: str
    times_ms: list[float] = field(default_factory=list)
    queries: int = 0
    result: object = None

    @property
    def best_ms(self) -> float:
        return min(self.times_ms)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times_ms)


def measure(
    label: str,
    cr,
    func: Callable[[], object],
    *,
    runs: int = 5,
    warmup: int = 1,
    before: Callable[[], None] | None = None,
) -> Measure:
    """Best of `runs` timed calls of func after `warmup` untimed ones; `before` runs untimed before each call
    (e.g. env.invalidate_all() for a cold ORM cache). Counts the SQL queries on cr of every timed call."""
    result = Measure(label)
    for _index in range(warmup):
        if before:
            before()
        func()
    counts = []
    for _index in range(runs):
        if before:
            before()
        queries = cr.sql_log_count
        start = time.perf_counter()
        result.result = func()
        result.times_ms.append((time.perf_counter() - start) * 1000)
        counts.append(cr.sql_log_count - queries)
    result.queries = counts[result.times_ms.index(result.best_ms)]
    return result


@contextlib.contextmanager
def capture_queries(cr) -> Iterator[list[tuple[str, float]]]:
    """Collect (SQL text with its parameters, milliseconds) of every query run by this thread on cr."""
    captured: list[tuple[str, float]] = []

    def hook(cursor, query, params, _start, delay):
        if cursor is cr:
            captured.append((cursor._format(query, params), delay * 1000))

    thread = threading.current_thread()
    hooks = getattr(thread, "query_hooks", ())
    thread.query_hooks = (*hooks, hook)
    try:
        yield captured
    finally:
        thread.query_hooks = hooks


def goal(ok: bool) -> str:
    return "MET" if ok else "MISSED"


def print_table(headers: list[str], rows: list[list[object]]) -> None:
    cells = [[str(value) for value in row] for row in rows]
    widths = [max(len(headers[i]), *(len(row[i]) for row in cells)) for i in range(len(headers))]
    say("  ".join(header.ljust(width) for header, width in zip(headers, widths)))
    say("  ".join("-" * width for width in widths))
    for row in cells:
        say(
            "  ".join(
                value.rjust(width) if i else value.ljust(width) for i, (value, width) in enumerate(zip(row, widths))
            )
        )


def profile(func) -> str:
    """A cProfile of one call of ``func``, the 25 costliest entries by cumulative time."""
    profiler = cProfile.Profile()
    profiler.runcall(func)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
    return out.getvalue()


if __name__ == "__main__":
    say("bench/_common.py holds the helpers of the benchmarks; it measures nothing by itself.")
