"""End-to-end suite: runs against a real Odoo server and a database with the realty addons and demo data.

`make test` (scripts/run_tests.py) creates that database, runs this suite with REALTY_TEST_DB set, and
drops the database afterwards. To run it by hand against an existing database:

    REALTY_TEST_DB=realty python3 -m pytest tests/

ODOO_BIN, ODOO_CONF, ODOO_ADDONS_PATH and REALTY_ADDONS come from the environment when set (the runner
sets them), otherwise from scripts/odoo-env.sh.
"""

from __future__ import annotations

import functools
import json
import os
import shlex
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent
ENV_KEYS = ("ODOO_BIN", "ODOO_CONF", "ODOO_ADDONS_PATH", "REALTY_ADDONS")
SERVER_START_TIMEOUT = 180


@dataclass
class Odoo:
    """How to run Odoo for this repository."""

    bin: list[str]
    conf: str
    addons_path: str
    addons: list[str]
    env: dict[str, str] = field(default_factory=dict)

    def cmd(self, *args: str) -> list[str]:
        """Command line of an Odoo server run: odoo-bin -c odoo.conf --addons-path=... ARGS."""
        return [*self.bin, "-c", self.conf, f"--addons-path={self.addons_path}", *args]

    def shell_cmd(self, *args: str) -> list[str]:
        """Command line of a non-interactive shell (python code on stdin): odoo-bin shell -c odoo.conf ... ARGS."""
        return [*self.bin, "shell", "-c", self.conf, f"--addons-path={self.addons_path}", *args]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _load_env() -> dict[str, str]:
    if all(os.environ.get(key) for key in ENV_KEYS):
        return {key: os.environ[key] for key in ENV_KEYS}
    proc = subprocess.run(
        ["bash", "-c", 'source "$1" || exit 1; env -0', "odoo-env", str(ROOT / "scripts" / "odoo-env.sh")],
        stdout=subprocess.PIPE,
        check=False,
    )
    if proc.returncode != 0:
        pytest.fail("scripts/odoo-env.sh could not find Odoo 19 (see its message on stderr)", pytrace=False)
    found = dict(item.split("=", 1) for item in proc.stdout.decode().split("\0") if "=" in item)
    return {key: found.get(key, "") for key in ENV_KEYS}


@pytest.fixture(scope="session")
def odoo() -> Odoo:
    env = _load_env()
    addons = [name for name in env["REALTY_ADDONS"].split(",") if name]
    if not addons:
        pytest.fail("REALTY_ADDONS is empty: no realty addon found", pytrace=False)
    return Odoo(
        bin=shlex.split(env["ODOO_BIN"]),
        conf=env["ODOO_CONF"],
        addons_path=env["ODOO_ADDONS_PATH"],
        addons=addons,
        env=dict(os.environ),
    )


@pytest.fixture(scope="session")
def db_name() -> str:
    name = os.environ.get("REALTY_TEST_DB")
    if not name:
        pytest.fail(
            "REALTY_TEST_DB is not set: this suite needs a database with the realty addons and demo data. "
            "Run `make test`, or set REALTY_TEST_DB=<database> yourself.",
            pytrace=False,
        )
    return name


SHELL_RESULT = "REALTY_E2E_RESULT="


def odoo_shell(odoo: Odoo, db_name: str, code: str):
    """Run python code in a non-interactive `odoo shell` on db_name (superuser `env`; commit yourself).

    The code hands its result back by calling `result(value)` with a JSON-serialisable value."""
    prelude = f"import json\ndef result(value):\n    print({SHELL_RESULT!r} + json.dumps(value), flush=True)\n"
    proc = subprocess.run(
        odoo.shell_cmd("-d", db_name, "--no-http", "--log-level=warn"),
        input=prelude + code,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    for line in proc.stdout.splitlines():
        if line.startswith(SHELL_RESULT):
            return json.loads(line.removeprefix(SHELL_RESULT))
    pytest.fail(
        f"odoo shell on {db_name} gave no result (exit code {proc.returncode}):\n"
        f"{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}",
        pytrace=False,
    )


@pytest.fixture(scope="session")
def shell_on(odoo: Odoo):
    """shell_on(db, code): run code in an odoo shell on database db, return what it passed to result()."""
    return functools.partial(odoo_shell, odoo)


@pytest.fixture(scope="session")
def shell(shell_on, db_name: str):
    """shell(code): shell_on the test database."""
    return functools.partial(shell_on, db_name)


@pytest.fixture(scope="session")
def api_key(odoo: Odoo, db_name: str) -> str:
    """A persistent (no expiry, global scope) API key for user admin."""
    code = (
        "admin = env.ref('base.user_admin')\n"
        "key = env['res.users.apikeys'].with_user(admin)._generate(None, 'e2e', None)\n"
        "env.cr.commit()\n"
        "result(key)\n"
    )
    return odoo_shell(odoo, db_name, code)


@pytest.fixture(scope="session")
def server_url(odoo: Odoo, db_name: str, tmp_path_factory: pytest.TempPathFactory):
    """A real Odoo server on a free port, serving db_name only; yields its base URL."""
    port = free_port()
    log_path = tmp_path_factory.mktemp("server") / "odoo-server.log"
    cmd = odoo.cmd(
        "-d",
        db_name,
        "--http-interface=127.0.0.1",
        f"--http-port={port}",
        "--workers=0",
        "--max-cron-threads=0",
    )
    url = f"http://127.0.0.1:{port}"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(
                    f"Odoo server exited with code {proc.returncode}:\n{log_path.read_text()[-5000:]}", pytrace=False
                )
            try:
                if requests.get(f"{url}/web/login", timeout=10).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                pytest.fail(
                    f"Odoo server did not answer /web/login within {SERVER_START_TIMEOUT}s:\n"
                    f"{log_path.read_text()[-5000:]}",
                    pytrace=False,
                )
            time.sleep(1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
