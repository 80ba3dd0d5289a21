"""Scaling out (docs/deployment.md): two independent Odoo servers on one database.

Runs bench/launch_day.py --servers 2 in a subprocess: two prefork Odoo servers (separate processes, separate
ports, one database, one data_dir: sessions and filestore shared, as behind the production proxy), 20
concurrent salespeople split across them racing for one building for 10 s. Then:

- nothing is sold twice and the database holds exactly the reservations the clients kept, whichever server
  took them (row locks and constraints live in PostgreSQL, not in a server's memory);
- a sales board open on server B (its bus websocket, on B's gevent port, with a session logged in on A) is
  told of a unit reserved through server A within a bounded wait, and of every unit reserved through A during
  the load: the servers share nothing but PostgreSQL, so the bus message can only come through it (the
  bus.bus table and NOTIFY).

It works in the database of `make test` (REALTY_TEST_DB; the script only adds its own uniquely named users,
project and building there); without REALTY_TEST_DB the script creates and drops a throwaway database.
The servers are stopped whatever happens: by the script (also on SIGTERM), else by this test after a SIGKILL.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SECONDS = 10
TIMEOUT = 400  # a hard stop only: the whole test normally takes 40 s (2 minutes with its own database)
RESULT_RE = re.compile(
    r"^RESULT reservations=(?P<reservations>\d+) refusals=\d+ cancellations=\d+"
    r" errors=(?P<errors>\d+) double_bookings=(?P<doubles>\d+) inconsistencies=(?P<inconsistencies>\d+)$",
    re.MULTILINE,
)
SERVERS_RE = re.compile(r"^SERVERS count=(?P<count>\d+) reservations=(?P<per_server>[\d,]+)$", re.MULTILINE)
BOARD_RE = re.compile(
    r"^BOARD probe=(?P<probe>\w+) probe_unit=(?P<unit>\d+) elsewhere=(?P<elsewhere>\d+) missed=(?P<missed>\d+)"
    r" error=(?P<error>.*)$",
    re.MULTILINE,
)
PGID_RE = re.compile(r"SERVER_PGID=(\d+)")


def run_launch_day(*args: str) -> tuple[int, str]:
    """Run bench/launch_day.py with args; return its exit code and its whole output (stdout, then stderr)."""
    cmd = [sys.executable, str(ROOT / "bench" / "launch_day.py"), *args]
    proc = subprocess.Popen(
        cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True
    )
    try:
        stdout, stderr = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.terminate()  # on SIGTERM the script still stops its Odoo servers (and drops its own database)
        try:
            stdout, stderr = proc.communicate(timeout=90)
        except subprocess.TimeoutExpired:
            proc.kill()
            stdout, stderr = proc.communicate()
        for pgid in PGID_RE.findall(stdout):  # each server runs in a process group of its own
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(int(pgid), signal.SIGKILL)
        pytest.fail(f"launch_day.py did not finish within {TIMEOUT} s:\n{stdout[-4000:]}\n{stderr[-4000:]}")
    return proc.returncode, f"{stdout}\n{stderr}"


def test_two_servers_sell_no_unit_twice_and_share_the_board():
    args = ["--servers", "2", "--seconds", str(SECONDS)]
    if os.environ.get("REALTY_TEST_DB"):
        args += ["--db", os.environ["REALTY_TEST_DB"]]
    returncode, output = run_launch_day(*args)
    print(output)  # shown by pytest on failure, and with -s
    tail = output[-6000:]

    result = RESULT_RE.search(output)
    assert result, f"no RESULT line (exit code {returncode}):\n{tail}"
    assert int(result["errors"]) == 0, f"unexpected errors (not refusals) during the load:\n{tail}"
    assert int(result["doubles"]) == 0, f"units sold twice across the two servers:\n{tail}"
    assert int(result["inconsistencies"]) == 0, f"units and reservations disagree:\n{tail}"

    servers = SERVERS_RE.search(output)
    assert servers, f"no SERVERS line: the load did not run on several servers (exit code {returncode}):\n{tail}"
    per_server = [int(count) for count in servers["per_server"].split(",")]
    assert int(servers["count"]) == 2 and len(per_server) == 2, f"not two servers:\n{tail}"
    assert all(count >= 3 for count in per_server), f"a server took (almost) no reservation: {per_server}\n{tail}"

    board = BOARD_RE.search(output)
    assert board, f"no BOARD line (exit code {returncode}):\n{tail}"
    assert board["error"] == "none", f"the sales board on server B failed: {board['error']}\n{tail}"
    assert board["probe"] == "seen", (
        f"unit {board['unit']} reserved through server A never reached the board open on server B:\n{tail}"
    )
    assert int(board["elsewhere"]) >= 3, f"too few units reserved through server A during the load:\n{tail}"
    assert int(board["missed"]) == 0, (
        f"{board['missed']} of {board['elsewhere']} units reserved through server A never reached the board"
        f" on server B:\n{tail}"
    )
    # the script enforces the same guarantee through its exit code (what `make bench` sees)
    assert returncode == 0, f"launch_day.py exited with code {returncode}:\n{tail}"
