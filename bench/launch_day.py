#!/usr/bin/env python3
"""Launch day (开盘) load test: many salespeople reserving the units of one building at once.

Starts a real Odoo server (prefork: 2 HTTP workers, no cron) on the bench database, with 20 salesperson
users, one building of 30 floors x 8 positions released for sale, a customer and a payment plan. Then 20
concurrent clients (threads, each with its own HTTP session, logged in as its own salesperson through
/web/session/authenticate) repeatedly pick a random available unit of the building, create a reservation
and confirm it (/web/dataset/call_kw, as the web client does). A refusal (the unit was taken meanwhile: a
UserError) is expected under contention. When few units are left, a client cancels its own oldest
reservation first, so that the run keeps going for the whole duration.

The guarantee, checked afterwards whatever happened during the run: no unexpected error (anything but a
refusal: a failed login, an HTTP error, an RPC error other than the UserError of a unit already taken), no
unit with two live reservations, every reserved unit of the building with exactly one live reservation,
every live reservation on a sold unit, and the live reservations in the database exactly those the clients
saw confirmed and did not cancel (by id). The exit code is 1 when any part of it fails, 0 otherwise: the
throughput and latency goals of the issue (>= 300 reservations in 60 s, p95 <= 1 s) are reported, not
enforced.

Scaling out (--servers N, N >= 2; tests/test_two_servers.py): N independent prefork servers (separate processes
and ports, one database, one data_dir: sessions and filestore shared, as behind docker-compose.prod.yml's proxy),
the clients split across them round-robin. The guarantee above then holds across servers, and a sales board
open on the last server (its bus websocket, with a session logged in on the first) must be told of a unit
reserved through the first server within a bounded wait, and of every unit reserved through the other servers
during the load: the servers share nothing but PostgreSQL, so the bus message can only come through it.

Only loopback traffic; the run stops by itself after --seconds.

    python3 bench/launch_day.py [--seconds 60] [--clients 20] [--think-ms 0] [--db NAME] [--servers 1]
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import json
import os
import random
import re
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import requests

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _common import ROOT, bench_database, exit_on_sigterm, free_port, goal, odoo_env, say, server_command  # noqa: E402

FLOORS, POSITIONS = 30, 8
GOAL_RESERVATIONS_PER_60S, GOAL_P95_MS = 300, 1000.0
SERVER_START_TIMEOUT = 180
REQUEST_TIMEOUT = 120
BOARD_WAIT_SECONDS = 20.0  # how long a board on another server may take to show a reservation
REFRESH_SECONDS = 1.0  # how stale a client's view of the available units may get (the board is live)
LIVE_STATES = ("confirmed", "converted")
SOLD_STATES = ("reserved", "contracted", "delivered")


# ----------------------------------------------------------------------
# Setup (in-process ORM)
# ----------------------------------------------------------------------


@dataclass
class Setup:
    tag: str
    building_id: int
    unit_count: int
    partner_id: int
    plan_id: int
    logins: list[str]
    password: str


def prepare(env, clients: int) -> Setup:
    """Salespeople, a released building, a customer and a payment plan, all new (names carry a unique tag)."""
    tag = secrets.token_hex(3)
    project = env["realty.project"].create({"name": f"Launch Day {tag}", "code": f"LD-{tag}"})
    layout = env["realty.layout"].create(
        {"project_id": project.id, "name": "Launch 3-bed", "bedrooms": 3, "gross_area": 118.0, "inner_area": 96.0}
    )
    building = env["realty.building"].create(
        {"project_id": project.id, "name": "Launch Tower", "code": "L", "position_count": POSITIONS}
    )
    units = building._create_units(
        [
            {
                "floor": floor,
                "position": position,
                "layout_id": layout.id,
                "gross_area": 118.0,
                "inner_area": 96.0,
                "unit_price": 20000.0 + 100.0 * floor,
            }
            for floor in range(1, FLOORS + 1)
            for position in range(1, POSITIONS + 1)
        ]
    )
    units.action_release()
    partner = env["res.partner"].create({"name": f"Launch Day Buyer {tag}"})
    plan = env["realty.payment.plan"].create(
        {"name": f"Launch Day Full Payment {tag}", "kind": "full", "line_ids": [(0, 0, {"name": "All", "share": 100})]}
    )
    group = env.ref("realty_base.group_realty_salesperson")
    users = env["res.users"].create(
        [
            {
                "name": f"Launch Salesperson {index} {tag}",
                "login": f"launch_{tag}_{index}",
                "group_ids": [(4, group.id)],
            }
            for index in range(1, clients + 1)
        ]
    )
    # One password for all: hashed once (600,000 PBKDF2 rounds) instead of once per user.
    password = secrets.token_urlsafe(12)
    env.flush_all()
    env.cr.execute(
        "UPDATE res_users SET password = %s WHERE id IN %s", (users._crypt_context().hash(password), tuple(users.ids))
    )
    env.cr.commit()
    return Setup(tag, building.id, len(units), partner.id, plan.id, users.mapped("login"), password)


# ----------------------------------------------------------------------
# Server
# ----------------------------------------------------------------------


@dataclass
class Server:
    """One Odoo server of the run: its HTTP base URL, its websocket URL (the gevent port) and its log."""

    number: int
    url: str
    websocket_url: str
    log_path: str


def start_server(
    db: str, number: int, log_dir: str, *, workers: int = 2, port: int | None = None
) -> tuple[subprocess.Popen, Server]:
    """Start a prefork Odoo server on loopback, in a process group of its own (master, workers and gevent
    process), logging to log_dir/odoo-server-<number>.log. Its HTTP port is `port` (its gevent port the next
    one), else free ports."""
    port, gevent_port = (port, port + 1) if port else (free_port(), free_port())
    log_path = os.path.join(log_dir, f"odoo-server-{number}.log")
    cmd = server_command(
        db,
        f"--db-filter=^{db}$",
        f"--workers={workers}",
        "--max-cron-threads=0",
        "--http-interface=127.0.0.1",
        f"--http-port={port}",
        f"--gevent-port={gevent_port}",
        # a worker busy for longer than these is killed; keep them well above any request of the test
        "--limit-time-real=600",
        "--limit-time-cpu=600",
        "--log-level=warn",
        "--log-handler=werkzeug:INFO",  # one line per request with its SQL count, SQL time and other time
        workdir=log_dir,
    )
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True
        )
    server = Server(number, f"http://127.0.0.1:{port}", f"ws://127.0.0.1:{gevent_port}/websocket", log_path)
    return proc, server


def wait_until_ready(proc: subprocess.Popen, server: Server, deadline: float) -> None:
    while True:
        if proc.poll() is not None:
            raise RuntimeError(
                f"Odoo server {server.number} exited with code {proc.returncode}:\n{tail(server.log_path)}"
            )
        with contextlib.suppress(requests.RequestException):
            if requests.get(f"{server.url}/web/login", timeout=10).status_code == 200:
                return
        if time.monotonic() > deadline:
            raise RuntimeError(
                f"Odoo server {server.number} did not answer within {SERVER_START_TIMEOUT} s:\n{tail(server.log_path)}"
            )
        time.sleep(0.5)


@contextlib.contextmanager
def odoo_servers(db: str, log_dir: str, count: int = 1, *, workers: int = 2, first_port: int | None = None):
    """`count` independent prefork Odoo servers on db (separate processes and ports, one database, one data_dir:
    the sessions and the filestore are shared as in a scaled-out deployment), started at once; yields their
    Server descriptions and stops all of them (and their children) at the end, whatever happens. Each has
    `workers` HTTP workers; with first_port, server n listens on first_port + 2(n - 1) (its gevent process on the
    next port), else on free ports."""
    procs = []
    try:
        servers = []
        for number in range(1, count + 1):
            port = first_port + 2 * (number - 1) if first_port else None
            proc, server = start_server(db, number, log_dir, workers=workers, port=port)
            procs.append(proc)
            servers.append(server)
            # the process group id, for whoever must clean up after a SIGKILL of this script (tests/)
            say(f"  server {number}: SERVER_PGID={proc.pid} {server.url} (bus {server.websocket_url})")
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        for proc, server in zip(procs, servers):
            wait_until_ready(proc, server, deadline)
        yield servers
    finally:
        for proc in procs:
            stop_process_group(proc)


@contextlib.contextmanager
def odoo_server(db: str, log_path: str):
    """One prefork server on free ports (see odoo_servers), logging into the directory of log_path; yields its
    base URL."""
    with odoo_servers(db, os.path.dirname(log_path)) as servers:
        yield servers[0].url


def stop_process_group(proc: subprocess.Popen) -> None:
    """SIGTERM the server's process group (master, workers, gevent process), SIGKILL it if it lingers."""
    for sig, wait in ((signal.SIGTERM, 30), (signal.SIGKILL, 10)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        try:
            proc.wait(timeout=wait)
            break
        except subprocess.TimeoutExpired:
            continue
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)  # workers may outlive the master


def tail(path: str, chars: int = 4000) -> str:
    with open(path, errors="replace") as file:
        return file.read()[-chars:]


# ----------------------------------------------------------------------
# Clients
# ----------------------------------------------------------------------


class RpcError(Exception):
    def __init__(self, name: str, message: str):
        super().__init__(f"{name}: {message}")
        self.name = name
        self.message = message


@dataclass
class Stats:
    reservations: int = 0
    refusals: int = 0
    cancellations: int = 0
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)
    live_ids: set[int] = field(default_factory=set)  # confirmed by a client and not cancelled by it
    in_doubt_ids: set[int] = field(default_factory=set)  # an unexpected error left the outcome unknown
    reserved_units: set[int] = field(default_factory=set)  # the units of the reservations confirmed
    reserve_ms: list[float] = field(default_factory=list)  # create + confirm, as the user waits for it
    call_ms: dict[str, list[float]] = field(default_factory=lambda: collections.defaultdict(list))

    def merge(self, other: Stats) -> None:
        self.reservations += other.reservations
        self.refusals += other.refusals
        self.cancellations += other.cancellations
        self.errors += other.errors
        self.error_samples += other.error_samples
        self.live_ids |= other.live_ids
        self.in_doubt_ids |= other.in_doubt_ids
        self.reserved_units |= other.reserved_units
        self.reserve_ms += other.reserve_ms
        for key, values in other.call_ms.items():
            self.call_ms[key] += values


class Client(threading.Thread):
    def __init__(self, index, url, db, login, password, setup: Setup, logged_in, go, think_ms=0.0):
        super().__init__(name=f"client-{index}", daemon=True)
        self.url, self.db, self.login, self.password = url, db, login, password
        self.setup = setup
        self.logged_in = logged_in  # a Barrier: every client has logged in (or failed to)
        self.go = go  # an Event, set once stop_at is known
        self.stop_at = 0.0
        self.think_ms = think_ms
        self.rng = random.Random(index)
        self.session = requests.Session()
        self.stats = Stats()
        self.mine: collections.deque[int] = collections.deque()  # own confirmed reservations, oldest first
        self.pending: int | None = None  # the reservation being confirmed or cancelled right now
        self.available: list[int] = []
        self.seen_at = 0.0
        self.low_water = max(2 * setup.unit_count // 10, 10)
        self.request_id = 0

    def rpc(self, path: str, params: dict, kind: str):
        self.request_id += 1
        payload = {"jsonrpc": "2.0", "method": "call", "params": params, "id": self.request_id}
        start = time.perf_counter()
        response = self.session.post(f"{self.url}{path}", json=payload, timeout=REQUEST_TIMEOUT)
        self.stats.call_ms[kind].append((time.perf_counter() - start) * 1000)
        response.raise_for_status()
        body = response.json()
        if "error" in body:
            data = body["error"].get("data") or {}
            raise RpcError(data.get("name", "?"), data.get("message") or body["error"].get("message", "?"))
        return body["result"]

    def call(self, model: str, method: str, *args, kind: str | None = None):
        params = {"model": model, "method": method, "args": list(args), "kwargs": {}}
        return self.rpc(f"/web/dataset/call_kw/{model}/{method}", params, kind or method)

    def authenticate(self) -> None:
        result = self.rpc(
            "/web/session/authenticate", {"db": self.db, "login": self.login, "password": self.password}, "login"
        )
        if not result or not result.get("uid"):
            raise RuntimeError(f"login {self.login} refused")

    def error(self, what: str, exc: Exception) -> None:
        self.stats.errors += 1
        if len(self.stats.error_samples) < 5:
            self.stats.error_samples.append(f"{self.login} {what}: {str(exc)[:300]}")

    def refresh(self) -> None:
        domain = [["building_id", "=", self.setup.building_id], ["state", "=", "available"]]
        self.available = self.call("realty.unit", "search", domain, kind="refresh")
        self.seen_at = time.monotonic()

    def run(self) -> None:
        try:
            self.authenticate()
        except Exception as exc:
            self.error("login", exc)
            return
        finally:
            self.logged_in.wait()
        if not self.go.wait(timeout=SERVER_START_TIMEOUT):
            return
        try:
            while time.monotonic() < self.stop_at:
                try:
                    self.step()
                except Exception as exc:  # anything but a refusal: count it, go on
                    self.error("step", exc)
                    self.seen_at = 0.0
                    if self.pending is not None:  # did the confirm or cancel happen? unknown
                        self.stats.in_doubt_ids.add(self.pending)
                        self.pending = None
        finally:
            self.stats.live_ids = set(self.mine)

    def step(self) -> None:
        if not self.available or time.monotonic() - self.seen_at > REFRESH_SECONDS:
            self.refresh()
        if len(self.available) < self.low_water and self.mine:
            self.pending = self.mine.popleft()
            self.call("realty.reservation", "action_cancel", [self.pending], kind="cancel")
            self.pending = None
            self.stats.cancellations += 1
            self.seen_at = 0.0
            return
        if not self.available:
            time.sleep(0.05)
            self.seen_at = 0.0
            return
        unit_id = self.available.pop(self.rng.randrange(len(self.available)))
        start = time.perf_counter()
        values = {"unit_id": unit_id, "partner_id": self.setup.partner_id, "payment_plan_id": self.setup.plan_id}
        reservation_id = self.pending = self.call("realty.reservation", "create", values)
        try:
            self.call("realty.reservation", "action_confirm", [reservation_id])
        except RpcError as exc:
            if exc.name != "odoo.exceptions.UserError":
                raise
            self.pending = None
            self.stats.refusals += 1  # someone was faster: expected on launch day
            self.seen_at = 0.0
            return
        self.pending = None
        self.stats.reserve_ms.append((time.perf_counter() - start) * 1000)
        self.stats.reservations += 1
        self.stats.reserved_units.add(unit_id)
        self.mine.append(reservation_id)
        if self.think_ms:  # the salesperson fills in the next form before confirming again
            time.sleep(min(self.rng.uniform(0, 2 * self.think_ms) / 1000, max(self.stop_at - time.monotonic(), 0)))


# ----------------------------------------------------------------------
# Sales board on another server (--servers 2 and more)
# ----------------------------------------------------------------------


class BoardWatcher(threading.Thread):
    """A sales board open on one server: the bus websocket of that server's gevent process, subscribed as the
    board's web client does (ir.websocket adds the company's board channel), with the session of a login made
    on another server (the session store is shared, as behind a load balancer). It records the unit states
    that the "realty.unit/state" messages bring. Servers share nothing but the database: a unit reserved
    through another server reaches this board only through PostgreSQL (the bus table and NOTIFY)."""

    def __init__(self, server: Server, session_id: str):
        super().__init__(name=f"board-on-server-{server.number}", daemon=True)
        self.server = server
        self.session_id = session_id
        self.subscribed = threading.Event()
        self.stopping = threading.Event()
        self.changed = threading.Condition()
        self.reserved_units: set[int] = set()  # units the board was told are reserved
        self.error: str | None = None

    def run(self) -> None:
        try:
            import websocket  # noqa: PLC0415  (websocket-client: only needed with several servers)

            from odoo.addons.bus.websocket import WebsocketConnectionHandler  # noqa: PLC0415

            url = f"{self.server.websocket_url}?version={WebsocketConnectionHandler._VERSION}"
            ws = websocket.create_connection(url, cookie=f"session_id={self.session_id}", timeout=REQUEST_TIMEOUT)
        except Exception as exc:
            self.fail(f"cannot open the bus websocket {self.server.websocket_url}: {exc!r}")
            return
        try:
            ws.send(json.dumps({"event_name": "subscribe", "data": {"channels": [], "last": 0}}))
            ws.settimeout(0.5)
            self.subscribed.set()
            while not self.stopping.is_set():
                try:
                    frame = ws.recv()
                except websocket.WebSocketTimeoutException:
                    continue
                if not frame:
                    raise RuntimeError(f"the server closed the websocket (close status {ws.status})")
                self.receive(json.loads(frame))
        except Exception as exc:
            if not self.stopping.is_set():
                self.fail(f"the bus websocket failed: {exc!r}")
        finally:
            ws.close()

    def fail(self, error: str) -> None:
        self.error = error
        self.subscribed.set()
        with self.changed:
            self.changed.notify_all()

    def receive(self, notifications: list[dict]) -> None:
        units = {
            change["id"]
            for notification in notifications
            if notification["message"]["type"] == "realty.unit/state"
            for change in notification["message"]["payload"]
            if change["state"] == "reserved"
        }
        with self.changed:
            self.reserved_units |= units
            self.changed.notify_all()

    def wait_for(self, unit_ids: set[int], timeout: float) -> set[int]:
        """Wait (at most timeout seconds) until the board was told that all unit_ids are reserved; return those
        it was not told about."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while (missing := unit_ids - self.reserved_units) and not self.error:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self.changed.wait(left)
            return missing


@dataclass
class BoardCheck:
    """What the board on the last server saw of the units reserved through the others."""

    probe_unit: int = 0
    probe_seen: bool = False
    probe_ms: float = float("nan")
    elsewhere: int = 0  # units reserved during the load through the other servers
    missed: list[int] = field(default_factory=list)  # of those, the ones the board never showed as reserved
    error: str | None = None
    probe_client: Client | None = None  # its reservation stays live: the accounting check counts it

    @property
    def failed(self) -> bool:
        return bool(self.error or not self.probe_seen or self.missed)


def open_board(servers: list[Server], db: str, setup: Setup, check: BoardCheck) -> BoardWatcher | None:
    """Open the sales board on the last server with a session logged in on the first one, then probe it with a
    reservation made through the first server. Failures go to check.error."""
    first, last = servers[0], servers[-1]
    board_user = Client(0, first.url, db, setup.logins[0], setup.password, setup, None, None)
    try:
        board_user.authenticate()
    except Exception as exc:
        check.error = f"the board user cannot log in on server {first.number}: {exc!r}"
        return None
    watcher = BoardWatcher(last, board_user.session.cookies.get("session_id", ""))
    watcher.start()
    if not watcher.subscribed.wait(timeout=REQUEST_TIMEOUT):
        check.error = f"the board on server {last.number} did not connect within {REQUEST_TIMEOUT} s"
    elif watcher.error:
        check.error = watcher.error
    else:
        check.probe_client = Client(0, first.url, db, setup.logins[0], setup.password, setup, None, None)
        try:
            probe_board(check.probe_client, watcher, check)
        except Exception as exc:
            check.error = f"reserving the probe unit through server {first.number} failed: {exc!r}"
    return watcher


def report_board(board: BoardCheck, servers: list[Server], clients: list[Client]) -> None:
    """The per-server split of the load and what the board on the last server saw; machine-readable lines last."""
    per_server = [sum(c.stats.reservations for c in clients if c.url == server.url) for server in servers]
    first, last = servers[0].number, servers[-1].number
    for server, count in zip(servers, per_server):
        say(f"  server {server.number} ({server.url}): {count} reservations confirmed through it")
    say(f"  sales board on server {last} (logged in on server {first}), fed by PostgreSQL only:")
    if board.probe_unit:
        shown = (
            f"shown after {board.probe_ms:.0f} ms" if board.probe_seen else f"NOT shown in {BOARD_WAIT_SECONDS:.0f} s"
        )
        say(f"    probe: unit {board.probe_unit} reserved through server {first}: {shown}")
    say(
        f"    units reserved through the other servers during the load: {board.elsewhere}, not shown: {len(board.missed)}"
    )
    if board.missed:
        say(f"      not shown: {board.missed[:20]}")
    if board.error:
        say(f"    error: {board.error}")
    say(f"SERVERS count={len(servers)} reservations={','.join(map(str, per_server))}")
    say(
        f"BOARD probe={'seen' if board.probe_seen else 'missed'} probe_unit={board.probe_unit}"
        f" elsewhere={board.elsewhere} missed={len(board.missed)} error={board.error or 'none'}"
    )


def probe_board(client: Client, watcher: BoardWatcher, check: BoardCheck) -> None:
    """Reserve one unit through the client's server and wait (bounded) for the board on another server to show it."""
    client.authenticate()
    client.refresh()
    if not client.available:
        raise RuntimeError("no available unit to probe the board with")
    check.probe_unit = unit_id = client.available[0]
    start = time.perf_counter()
    values = {"unit_id": unit_id, "partner_id": client.setup.partner_id, "payment_plan_id": client.setup.plan_id}
    reservation_id = client.call("realty.reservation", "create", values)
    client.call("realty.reservation", "action_confirm", [reservation_id])
    client.mine.append(reservation_id)  # a live reservation the accounting check must expect
    client.stats.live_ids = set(client.mine)
    check.probe_seen = not watcher.wait_for({unit_id}, BOARD_WAIT_SECONDS)
    check.probe_ms = (time.perf_counter() - start) * 1000


# ... "POST /web/dataset/call_kw/realty.reservation/create HTTP/1.1" 200 - 52 0.031 0.084
REQUEST_LOG_RE = re.compile(
    r'"(?P<method>[A-Z]+) (?P<path>\S+) HTTP/[\d.]+" (?P<code>\d+) \S+ (?P<queries>\d+) (?P<sql>[\d.]+)'
    r" (?P<other>[\d.]+)"
)


def logged_requests(log_path: str, offset: int = 0) -> Iterator[re.Match]:
    """The request lines of the server's log (from byte `offset` on), as REQUEST_LOG_RE matches."""
    with open(log_path, "rb") as file:
        file.seek(offset)
        for line in file:
            if match := REQUEST_LOG_RE.search(line.decode(errors="replace")):
                yield match


def server_stats(log_path: str) -> dict[str, list[tuple[int, float, float]]]:
    """{path: [(SQL queries, SQL seconds, other seconds)]} of the POST requests the server logged."""
    by_path = collections.defaultdict(list)
    for match in logged_requests(log_path):
        if match["method"] == "POST":
            path = match["path"].split("#")[0].removeprefix("/web/dataset/call_kw/").removeprefix("/web/session/")
            by_path[path].append((int(match["queries"]), float(match["sql"]), float(match["other"])))
    return by_path


def percentile(values: list[float], pct: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1] if pct < 100 else max(values)


# ----------------------------------------------------------------------
# Checks (in-process ORM cursor, plain SQL)
# ----------------------------------------------------------------------


def check_database(env, building_id: int) -> tuple[int, list[str]]:
    """Return (number of doubly booked units in the whole database, list of other inconsistencies)."""
    cr = env.cr
    cr.execute(
        "SELECT unit_id, count(*) FROM realty_reservation WHERE state IN %s GROUP BY unit_id HAVING count(*) > 1",
        (LIVE_STATES,),
    )
    doubles = cr.fetchall()
    problems = [f"unit {unit_id} has {count} live reservations" for unit_id, count in doubles]
    cr.execute(
        """
        SELECT u.name, u.state, count(r.id)
          FROM realty_unit u
          LEFT JOIN realty_reservation r ON r.unit_id = u.id AND r.state IN %s
         WHERE u.building_id = %s AND u.state = 'reserved'
         GROUP BY u.id, u.name, u.state
        HAVING count(r.id) <> 1
        """,
        (LIVE_STATES, building_id),
    )
    problems += [f"reserved unit {name} has {count} live reservations" for name, _state, count in cr.fetchall()]
    cr.execute(
        """
        SELECT r.name, u.name, u.state
          FROM realty_reservation r
          JOIN realty_unit u ON u.id = r.unit_id
         WHERE u.building_id = %s AND r.state IN %s AND u.state NOT IN %s
        """,
        (building_id, LIVE_STATES, SOLD_STATES),
    )
    problems += [f"live reservation {ref} is on unit {unit} which is {state}" for ref, unit, state in cr.fetchall()]
    return len(doubles), problems


def building_counts(env, building_id: int) -> tuple[int, int]:
    env.cr.execute(
        "SELECT count(*) FILTER (WHERE state = 'reserved'), count(*) FILTER (WHERE state = 'available')"
        " FROM realty_unit WHERE building_id = %s",
        (building_id,),
    )
    return env.cr.fetchone()


def live_reservations(env, building_id: int) -> set[int]:
    env.cr.execute(
        "SELECT r.id FROM realty_reservation r JOIN realty_unit u ON u.id = r.unit_id"
        " WHERE u.building_id = %s AND r.state IN %s",
        (building_id, LIVE_STATES),
    )
    return {row[0] for row in env.cr.fetchall()}


def accounting_problems(live: set[int], stats: Stats) -> list[str]:
    """The live reservations of the database against those the clients saw confirmed and kept, by id.

    A reservation whose confirm or cancel call failed unexpectedly may be either: it is left out (and the error
    itself fails the run)."""
    lost = sorted(stats.live_ids - live - stats.in_doubt_ids)
    phantom = sorted(live - stats.live_ids - stats.in_doubt_ids)
    problems = []
    if lost:
        problems.append(f"{len(lost)} reservation(s) confirmed by a client are not live: ids {lost[:10]}")
    if phantom:
        problems.append(f"{len(phantom)} live reservation(s) that no client confirmed and kept: ids {phantom[:10]}")
    return problems


# ----------------------------------------------------------------------
# Main
# ----------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="duration of the load (default 60)")
    parser.add_argument("--clients", type=int, default=20, help="concurrent salespeople (default 20)")
    parser.add_argument(
        "--think-ms",
        type=float,
        default=0.0,
        help="mean pause of a client after each reservation (uniform 0..2x; default 0: no pause at all)",
    )
    parser.add_argument("--db", help="database to use and keep (default: $BENCH_DB, else a throwaway one)")
    parser.add_argument(
        "--servers",
        type=int,
        default=1,
        help="independent Odoo servers on the database, the clients split across them (default 1); with 2 or more,"
        " a sales board open on the last one must show the units reserved through the others",
    )
    args = parser.parse_args()
    if args.servers < 1 or args.clients < args.servers:
        parser.error("--servers must be at least 1 and at most --clients")
    exit_on_sigterm()

    log_dir = tempfile.mkdtemp(prefix="realty-launch-day-")
    workers = 2 * args.servers
    with bench_database("launch", args.db) as db:
        with odoo_env(db) as env:
            say(f"Preparing {args.clients} salespeople and a building of {FLOORS} x {POSITIONS} units ...")
            setup = prepare(env, args.clients)
        servers_text = f"{args.servers} independent servers" if args.servers > 1 else "one server"
        say(f"Starting Odoo ({servers_text}, prefork, 2 workers each) on {db}; server logs in {log_dir}")
        board = BoardCheck() if args.servers > 1 else None
        with odoo_servers(db, log_dir, args.servers) as servers:
            logged_in = threading.Barrier(args.clients + 1, timeout=SERVER_START_TIMEOUT)
            go = threading.Event()
            # round-robin over the servers
            urls = [servers[index % len(servers)].url for index in range(args.clients)]
            clients = [
                Client(index, url, db, login, setup.password, setup, logged_in, go, args.think_ms)
                for index, (login, url) in enumerate(zip(setup.logins, urls), 1)
            ]
            say(f"{args.clients} clients logging in ...")
            for client in clients:
                client.start()
            watcher = None
            try:
                logged_in.wait()
                if board:
                    watcher = open_board(servers, db, setup, board)
            finally:
                start = time.monotonic()
                for client in clients:
                    client.stop_at = start + args.seconds
                go.set()
            try:
                cpu_start = time.process_time()
                say(f"Load running for {args.seconds:.0f} s ...")
                for client in clients:
                    client.join(timeout=args.seconds + 2 * REQUEST_TIMEOUT)
                elapsed = time.monotonic() - start
                client_cpu = time.process_time() - cpu_start
                stuck = [client.name for client in clients if client.is_alive()]
                if watcher:
                    elsewhere = set().union(*(c.stats.reserved_units for c in clients if c.url != watcher.server.url))
                    board.elsewhere = len(elsewhere)
                    board.missed = sorted(watcher.wait_for(elsewhere, BOARD_WAIT_SECONDS))
                    board.error = board.error or watcher.error
            finally:
                if watcher:
                    watcher.stopping.set()
                    watcher.join(timeout=10)

        stats = Stats()
        for client in clients:
            stats.merge(client.stats)
        if board and board.probe_client:
            stats.merge(board.probe_client.stats)
        with odoo_env(db) as env:
            doubles, problems = check_database(env, setup.building_id)
            reserved, available = building_counts(env, setup.building_id)
            live = live_reservations(env, setup.building_id)
        if stuck:
            problems.append(f"clients still running after the deadline: {', '.join(stuck)}")
        problems += accounting_problems(live, stats)
        accounting = (
            f"{len(live)} live reservations in the building; the clients kept {len(stats.live_ids)}"
            f" ({stats.reservations} confirmed - {stats.cancellations} cancelled)"
        )

        rate = stats.reservations / elapsed if elapsed else 0.0
        per_60s = rate * 60
        p50, p95 = percentile(stats.reserve_ms, 50), percentile(stats.reserve_ms, 95)
        say()
        think = f", think time {args.think_ms:.0f} ms" if args.think_ms else ", no think time"
        say(
            f"Launch day: {args.clients} salespeople, {setup.unit_count} units, {elapsed:.1f} s"
            f" ({servers_text}, prefork, {workers} workers{think})"
        )
        say(f"  reservations confirmed: {stats.reservations} ({rate:.1f}/s, {per_60s:.0f} per 60 s)")
        say(f"  refusals (unit already taken): {stats.refusals}")
        say(f"  cancellations (to free units): {stats.cancellations}")
        say(f"  unexpected errors: {stats.errors}")
        for sample in stats.error_samples:
            say(f"    {sample}")
        if stats.in_doubt_ids:
            say(f"    reservations left in doubt by them: {sorted(stats.in_doubt_ids)[:10]}")
        say(f"  reservation latency (create + confirm): p50 {p50:.0f} ms, p95 {p95:.0f} ms")
        for kind in ("login", "refresh", "create", "action_confirm", "cancel"):
            values = stats.call_ms.get(kind)
            if values:
                say(
                    f"    {kind:<15} {len(values):5d} calls  p50 {percentile(values, 50):6.0f} ms"
                    f"  p95 {percentile(values, 95):6.0f} ms  max {max(values):6.0f} ms"
                )
        requests_by_path = collections.defaultdict(list)
        for server in servers:
            for path, values in server_stats(server.log_path).items():
                requests_by_path[path] += values
        busy = sum(
            sql + other
            for path, values in requests_by_path.items()
            if path != "authenticate"  # the logins happen before the load starts
            for _q, sql, other in values
        )
        say(
            f"  server side (werkzeug log, time inside the workers): {busy:.1f} s busy serving the load in {elapsed:.1f} s"
            f" = {busy / elapsed:.2f} of {workers} workers; load generator CPU {client_cpu:.1f} s"
        )
        for path, values in sorted(requests_by_path.items()):
            total_ms = [1000 * (sql + other) for _q, sql, other in values]
            say(
                f"    {path:<40} {len(values):5d} req  {statistics.mean(q for q, _s, _o in values):5.1f} SQL"
                f"  {1000 * statistics.mean(s for _q, s, _o in values):6.1f} ms SQL"
                f"  {1000 * statistics.mean(o for _q, _s, o in values):6.1f} ms other"
                f"  p95 {percentile(total_ms, 95):6.0f} ms"
            )
        say(f"  building now: {reserved} reserved, {available} available; {accounting}")
        say()
        say("Goals (reported, not enforced):")
        say(
            f"  >= {GOAL_RESERVATIONS_PER_60S} reservations per 60 s: {per_60s:.0f} {goal(per_60s >= GOAL_RESERVATIONS_PER_60S)}"
        )
        say(f"  p95 <= {GOAL_P95_MS:.0f} ms: {p95:.0f} ms {goal(p95 <= GOAL_P95_MS)}")
        say()
        say("Guarantee (enforced: exit code 1 when any count is not 0):")
        say(f"  unexpected errors: {stats.errors}")
        say(f"  double bookings: {doubles}")
        say(f"  inconsistencies: {len(problems) - doubles}")
        for problem in problems[:20]:
            say(f"    {problem}")
        if board:
            report_board(board, servers, clients)
        say(
            f"RESULT reservations={stats.reservations} refusals={stats.refusals} cancellations={stats.cancellations}"
            f" errors={stats.errors} double_bookings={doubles} inconsistencies={len(problems) - doubles}"
        )
        failed = [
            what
            for what, bad in (
                ("unexpected errors", stats.errors),
                ("the database is inconsistent", problems),
                ("the board on another server did not show every reservation", board and board.failed),
            )
            if bad
        ]
        if failed:
            say(f"FAILED: {' and '.join(failed)} (see above)")
            return 1
        say(
            "OK: no unexpected error, no double booking, every reserved unit has exactly one live reservation,"
            " and the live reservations are exactly those the clients kept"
            + (", and the board on another server showed every reservation" if board else "")
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
