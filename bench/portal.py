#!/usr/bin/env python3
"""Customer portal load test: anonymous visitors on the public showcase of a prefork server (issue 10).

The database has realty_portal installed with its demo data (the published project 翠湖花园 and its published
layouts) and speaks Chinese as make run's does (scripts/demo_language.py); the visitors' browsers ask for Chinese.
A prefork Odoo server (--workers, default 2; no cron) serves it on loopback. The query count of each
public page is read from the server's request log, once with the demo's units and once after the project has
grown to --units units on sale (new buildings of 30 floors x 8 units, created through the ORM and released):
"each page <= 15 queries whatever the number of units". Then --clients concurrent anonymous visitors (threads,
each with its own HTTP session) loop over Odoo's own /web/login page (the baseline), the project page
/realty/<project> and the comparison page /realty/compare?ids=<up to 4 layouts> for --seconds: the project and
comparison pages must stay within 2x the latency of /web/login measured in the same run, at p50 and at p95.

The exit code is 1 when a goal is missed or any request failed (an HTTP error or redirect, a timeout, a page
without its content; a connection closed before any answer is retried once, as the deployment's nginx does), 0
otherwise. Only loopback traffic; the run stops by itself after --seconds.

    python3 bench/portal.py [--seconds 25] [--clients 50] [--workers 2] [--units 3000] [--port 8390] [--db NAME]
"""

from __future__ import annotations

import argparse
import configparser
import contextlib
import html
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import requests

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _common import (  # noqa: E402
    ROOT,
    addons_path,
    bench_database,
    exit_on_sigterm,
    goal,
    odoo_command,
    odoo_conf,
    odoo_env,
    print_table,
    say,
)
from launch_day import logged_requests, odoo_servers, percentile  # noqa: E402

GOAL_LATENCY_RATIO, GOAL_MAX_QUERIES = 2.0, 15
DEMO_PROJECT = "realty_base.demo_project_cuihu"  # published by realty_portal's demo
COMPARE_MAX = 4
FLOORS, POSITIONS = 30, 8  # each building added to grow the project
REQUEST_TIMEOUT = 60
PROBE_REQUESTS = 3  # sequential requests of each page whose query counts are read
WARM_UP_ROUNDS = 3
BASELINE = "/web/login"  # the name of the baseline page
GOAL_PAGES = ("project", "comparison")
HEADERS = {"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5"}  # a visitor with a Chinese browser


# ----------------------------------------------------------------------
# Setup (in-process ORM)
# ----------------------------------------------------------------------


@dataclass
class Page:
    name: str
    path: str
    markers: list[str]  # text the page must contain, so that an error page is not counted as a success
    in_load: bool = True  # False: its query count is reported, it is not part of the load

    @property
    def route(self) -> str:
        return self.path.split("?")[0]


@dataclass
class Showcase:
    project_id: int
    project_name: str
    layout_ids: list[int]
    pages: list[Page]


def find_showcase(env) -> Showcase:
    """The demo's published project and up to COMPARE_MAX of its published layouts, and the pages to visit."""
    project = env.ref(DEMO_PROJECT, raise_if_not_found=False)
    if not project or not project.is_published:
        sys.exit(
            f"The database has no published demo project ({DEMO_PROJECT}): it needs realty_portal's demo data."
            " Use a throwaway database (no --db, no BENCH_DB) or one created with demo data."
        )
    layouts = env["realty.layout"].search(
        [("project_id", "=", project.id), ("is_published", "=", True)], order="id", limit=COMPARE_MAX
    )
    if len(layouts) < 2:
        sys.exit(f"The demo project {project.name} has fewer than 2 published layouts to compare.")
    ids = ",".join(str(layout_id) for layout_id in layouts.ids)
    pages = [
        Page(BASELINE, "/web/login", ['name="login"']),
        Page("project", f"/realty/{project.id}", [project.name]),
        Page("comparison", f"/realty/compare?ids={ids}", layouts.mapped("name")),
        Page("project list", "/realty", [project.name], in_load=False),
        Page("layout", f"/realty/layout/{layouts[0].id}", [layouts[0].name], in_load=False),
    ]
    return Showcase(project.id, project.name, layouts.ids, pages)


def units_on_sale(env, project_id: int) -> tuple[int, int]:
    """(units on sale, all units) of the project."""
    env.cr.execute(
        "SELECT count(*) FILTER (WHERE state = 'available'), count(*) FROM realty_unit WHERE project_id = %s",
        (project_id,),
    )
    return env.cr.fetchone()


def grow_project(env, showcase: Showcase, target: int) -> int:
    """Add released buildings of FLOORS x POSITIONS units (the published layouts in turn) to the project until it
    has at least `target` units on sale; return the number of units added."""
    project = env["realty.project"].browse(showcase.project_id)
    layouts = env["realty.layout"].browse(showcase.layout_ids)
    tag = secrets.token_hex(3)
    added = 0
    while units_on_sale(env, project.id)[0] < target:
        number = added // (FLOORS * POSITIONS) + 1
        building = env["realty.building"].create(
            {
                "project_id": project.id,
                "name": f"Bench Tower {tag}-{number}",
                "code": f"B{tag}{number}",
                "floor_count": FLOORS,
                "position_count": POSITIONS,
            }
        )
        units = building._create_units(
            [unit_values(layouts[(position - 1) % len(layouts)], floor, position) for floor, position in positions()]
        )
        units.action_release()
        env.cr.commit()
        added += len(units)
    return added


def positions() -> Iterator[tuple[int, int]]:
    for floor in range(1, FLOORS + 1):
        for position in range(1, POSITIONS + 1):
            yield floor, position


def unit_values(layout, floor: int, position: int) -> dict:
    gross = layout.gross_area or 100.0
    return {
        "floor": floor,
        "position": position,
        "layout_id": layout.id,
        "gross_area": gross,
        "inner_area": layout.inner_area or round(gross * 0.8, 2),
        "unit_price": 20000.0 + 100.0 * floor + 50.0 * position,
    }


def speak_chinese(db: str) -> None:
    """Make the database speak Simplified Chinese as `make run`'s demo database does: scripts/demo_language.py in an
    Odoo shell (zh_CN loaded, the default language of users and contacts, the public user's). The visitors' browsers
    ask for Chinese: the pages then render in it, at the addresses without a language prefix (in a database where
    zh_CN is only loaded, they would be redirected to /zh_CN/...)."""
    cmd = [*odoo_command(), "shell", "-c", odoo_conf(), f"--addons-path={addons_path()}", "-d", db]
    with open(ROOT / "scripts" / "demo_language.py") as script:
        proc = subprocess.run(
            [*cmd, "--no-http", "--log-level=warn"],
            cwd=ROOT,
            stdin=script,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    if proc.returncode != 0:
        raise RuntimeError(f"scripts/demo_language.py failed (exit code {proc.returncode}):\n{proc.stderr[-3000:]}")
    for line in proc.stdout.strip().splitlines()[-1:]:
        say(f"  {line}")


@contextlib.contextmanager
def demo_data_config(workdir: str) -> Iterator[None]:
    """Point $ODOO_CONF at a copy of the configuration with demo data on, for the Odoo processes of the run (the
    install of the bench database first): demo data is opt-in since Odoo 19, and bench_database has no option for
    it. The servers then have with_demo too, which only matters to databases created through them (none)."""
    original = odoo_conf()
    config = configparser.RawConfigParser()
    if not config.read(original):
        sys.exit(f"cannot read the Odoo configuration {original}")
    config.set("options", "with_demo", "True")
    path = os.path.join(workdir, "odoo-with-demo.conf")
    with open(path, "w") as file:
        config.write(file)
    previous = os.environ.get("ODOO_CONF")
    os.environ["ODOO_CONF"] = path
    say(f"Demo data on: the Odoo processes of this run read {path} ({original} with with_demo = True)")
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("ODOO_CONF")
        else:
            os.environ["ODOO_CONF"] = previous


# ----------------------------------------------------------------------
# Visitors
# ----------------------------------------------------------------------


@dataclass
class PageStats:
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    retried: int = 0  # connections dropped before any answer, retried once
    error_samples: list[str] = field(default_factory=list)

    def merge(self, other: PageStats) -> None:
        self.latencies_ms += other.latencies_ms
        self.errors += other.errors
        self.retried += other.retried
        self.error_samples += other.error_samples[: 5 - len(self.error_samples)]


def fetch(session: requests.Session, url: str, page: Page) -> tuple[str | None, int]:
    """GET the page; return what is wrong with the answer (or None) and how many dropped connections were retried.

    A connection closed before any answer is retried once, as the deployment's nginx does (proxy_next_upstream
    error): with many more visitors than workers, the prefork server's listen queue (8 per worker) overflows and
    the kernel drops some connections before a worker reads them."""
    for attempt in range(2):
        try:
            response = session.get(url + page.path, headers=HEADERS, timeout=REQUEST_TIMEOUT, allow_redirects=False)
            break
        except requests.ConnectionError as exc:
            if attempt or isinstance(exc, requests.Timeout):
                return f"{page.path}: {exc!r}", attempt
        except requests.RequestException as exc:
            return f"{page.path}: {exc!r}", attempt
    if response.status_code != 200:
        return f"{page.path}: HTTP {response.status_code}", attempt
    text = html.unescape(response.text)
    missing = [marker for marker in page.markers if marker not in text]
    return (f"{page.path}: the page lacks {missing}" if missing else None), attempt


class Visitor(threading.Thread):
    """An anonymous visitor with its own HTTP session (cookies kept), looping over the pages until stop_at."""

    def __init__(self, index: int, url: str, pages: list[Page], go: threading.Event):
        super().__init__(name=f"visitor-{index}", daemon=True)
        self.url = url
        self.pages = pages[index % len(pages) :] + pages[: index % len(pages)]  # every page in flight at any time
        self.go = go
        self.stop_at = 0.0
        self.session = requests.Session()
        self.stats = {page.name: PageStats() for page in pages}

    def run(self) -> None:
        self.go.wait()
        while time.monotonic() < self.stop_at:
            for page in self.pages:
                if time.monotonic() >= self.stop_at:
                    return
                self.visit(page)

    def visit(self, page: Page) -> None:
        stats = self.stats[page.name]
        start = time.perf_counter()
        problem, retried = fetch(self.session, self.url, page)
        stats.retried += retried
        if problem:
            stats.errors += 1
            if len(stats.error_samples) < 5:
                stats.error_samples.append(problem)
        else:
            stats.latencies_ms.append((time.perf_counter() - start) * 1000)


def run_load(
    url: str, pages: list[Page], clients: int, seconds: float
) -> tuple[dict[str, PageStats], float, list[str]]:
    """`clients` visitors for `seconds`; returns the stats per page, the elapsed time and the visitors still
    running after the deadline."""
    go = threading.Event()
    visitors = [Visitor(index, url, pages, go) for index in range(clients)]
    for visitor in visitors:
        visitor.start()
    start = time.monotonic()
    for visitor in visitors:
        visitor.stop_at = start + seconds
    go.set()
    for visitor in visitors:
        visitor.join(timeout=seconds + 2 * REQUEST_TIMEOUT)
    elapsed = time.monotonic() - start
    stats = {page.name: PageStats() for page in pages}
    for visitor in visitors:
        for name, page_stats in visitor.stats.items():
            stats[name].merge(page_stats)
    return stats, elapsed, [visitor.name for visitor in visitors if visitor.is_alive()]


# ----------------------------------------------------------------------
# Server log
# ----------------------------------------------------------------------


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def listen_overflows() -> int | None:
    """Linux's count of connections dropped because a listen queue was full (whole machine), if it is readable."""
    try:
        with open("/proc/net/netstat") as file:
            lines = file.read().splitlines()
    except OSError:
        return None
    for names, values in zip(lines[::2], lines[1::2]):
        if names.startswith("TcpExt:"):
            counters = dict(zip(names.split()[1:], values.split()[1:]))
            return int(counters["ListenOverflows"]) if "ListenOverflows" in counters else None
    return None


def log_size(log_path: str) -> int:
    return os.path.getsize(log_path)


def requests_by_page(log_path: str, offset: int, pages: list[Page]) -> dict[str, list[tuple[int, float]]]:
    """{page name: [(SQL queries, seconds inside the worker)]} of the GET requests logged from byte offset on."""
    by_route = {page.route: page.name for page in pages}
    by_page = {page.name: [] for page in pages}
    for match in logged_requests(log_path, offset):
        name = by_route.get(match["path"].split("?")[0])
        if match["method"] == "GET" and name:
            by_page[name].append((int(match["queries"]), float(match["sql"]) + float(match["other"])))
    return by_page


def warm_up(url: str, pages: list[Page], workers: int) -> None:
    """Every page a few times from 2 concurrent sessions per worker, so that every worker has served each page at
    least once: the first request of a worker fills its caches (views, rules, translations), once per process."""
    problems = []

    def visit_all():
        session = requests.Session()
        for _round in range(WARM_UP_ROUNDS):
            problems.extend(filter(None, (fetch(session, url, page)[0] for page in pages)))

    threads = [threading.Thread(target=visit_all, daemon=True) for _index in range(2 * workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if problems:
        raise RuntimeError(f"the pages do not answer as they should: {problems[:5]}")


def probe_queries(url: str, pages: list[Page], log_path: str) -> dict[str, int]:
    """{page name: most SQL queries of one request} over PROBE_REQUESTS sequential requests of each page (after
    warm_up: what a worker does the first time is not what every visitor costs)."""
    session = requests.Session()
    offset = log_size(log_path)
    for _round in range(PROBE_REQUESTS):
        for page in pages:
            if problem := fetch(session, url, page)[0]:
                raise RuntimeError(f"the page does not answer as it should: {problem}")
    time.sleep(0.5)  # the worker writes its log line after the answer
    logged = requests_by_page(log_path, offset, pages)
    return {name: max((queries for queries, _seconds in values), default=-1) for name, values in logged.items()}


# ----------------------------------------------------------------------
# Run and report
# ----------------------------------------------------------------------


@dataclass
class Load:
    """What the visitors saw, and what the worker logged, during the load."""

    stats: dict[str, PageStats]  # per page, as the visitors saw it
    logged: dict[str, list[tuple[int, float]]]  # per page, (SQL queries, seconds) of each request in the worker
    elapsed: float
    stuck: list[str]  # visitors still running after the deadline
    load_average: tuple[float, float]  # of the machine, before and after
    client_cpu: float  # seconds of CPU of this process (the visitors)
    listen_overflows: int | None  # connections the kernel dropped, a listen queue being full


@dataclass
class Run:
    showcase: Showcase
    units_before: tuple[int, int]  # (on sale, all) in the project before it grows
    units_after: tuple[int, int]
    queries_before: dict[str, int]  # page: most SQL queries of one request, before the growth
    queries_after: dict[str, int]
    load: Load


def measure(db: str, args, log_dir: str) -> Run:
    with odoo_env(db) as env:
        showcase = find_showcase(env)
        units_before = units_on_sale(env, showcase.project_id)
    say(f"Starting Odoo (prefork, {args.workers} workers, no cron) on {db}; server log in {log_dir}")
    with odoo_servers(db, log_dir, workers=args.workers, first_port=args.port) as servers:
        server = servers[0]
        say(f"Query counts with {units_before[1]} units ({units_before[0]} on sale) in {showcase.project_name} ...")
        queries_before = warm_then_probe(server, showcase.pages, args.workers)
        units_after = grow(db, showcase, args.units)
        queries_after = warm_then_probe(server, showcase.pages, args.workers)
        load = apply_load(server, [page for page in showcase.pages if page.in_load], args)
    return Run(showcase, units_before, units_after, queries_before, queries_after, load)


def warm_then_probe(server, pages: list[Page], workers: int) -> dict[str, int]:
    warm_up(server.url, pages, workers)
    return probe_queries(server.url, pages, server.log_path)


def grow(db: str, showcase: Showcase, target: int) -> tuple[int, int]:
    say(f"Growing the project to {target} units on sale ...")
    start = time.perf_counter()
    with odoo_env(db) as env:
        added = grow_project(env, showcase, target)
        on_sale, units = units_on_sale(env, showcase.project_id)
    say(f"  {added} units added in {time.perf_counter() - start:.0f} s: {units} units, {on_sale} on sale")
    return on_sale, units


def apply_load(server, pages: list[Page], args) -> Load:
    offset, overflows = log_size(server.log_path), listen_overflows()
    load_before = os.getloadavg()[0]
    say(f"Load: {args.clients} anonymous visitors for {args.seconds:.0f} s (load average {load_before:.2f}) ...")
    cpu_start = time.process_time()
    stats, elapsed, stuck = run_load(server.url, pages, args.clients, args.seconds)
    client_cpu = time.process_time() - cpu_start
    if overflows is not None:
        overflows = listen_overflows() - overflows
    load_after = os.getloadavg()[0]
    time.sleep(0.5)  # the workers write their log line after the answer
    logged = requests_by_page(server.log_path, offset, pages)
    return Load(stats, logged, elapsed, stuck, (load_before, load_after), client_cpu, overflows)


def ratio(value: float, baseline: float) -> float:
    return value / baseline if baseline else float("inf")


def latency_ratios(run: Run, name: str) -> tuple[float, float]:
    """(p50, p95) of the page's latency as the visitors saw it, against /web/login's."""
    page, baseline = run.load.stats[name].latencies_ms, run.load.stats[BASELINE].latencies_ms
    return ratio(percentile(page, 50), percentile(baseline, 50)), ratio(percentile(page, 95), percentile(baseline, 95))


def worker_ms(run: Run, name: str) -> list[float]:
    return [1000 * seconds for _queries, seconds in run.load.logged[name]]


def most_queries(run: Run, name: str) -> int:
    during_load = [queries for queries, _seconds in run.load.logged.get(name, [])]
    return max([run.queries_before[name], run.queries_after[name], *during_load])


def report_load(run: Run) -> None:
    """The latencies the visitors saw, and the time inside the workers (from their log), per page."""
    rows = []
    base_worker_p50 = percentile(worker_ms(run, BASELINE), 50)
    for page in run.showcase.pages:
        if not page.in_load:
            continue
        stats = run.load.stats[page.name]
        p50_ratio, p95_ratio = latency_ratios(run, page.name)
        worker_p50 = percentile(worker_ms(run, page.name), 50)
        rows.append(
            [
                page.name,
                len(stats.latencies_ms),
                stats.errors,
                stats.retried,
                f"{percentile(stats.latencies_ms, 50):.0f}",
                f"{percentile(stats.latencies_ms, 95):.0f}",
                f"{max(stats.latencies_ms, default=float('nan')):.0f}",
                f"{p50_ratio:.2f}x",
                f"{p95_ratio:.2f}x",
                f"{worker_p50:.1f}",
                f"{ratio(worker_p50, base_worker_p50):.2f}x",
            ]
        )
    served = sum(len(stats.latencies_ms) for stats in run.load.stats.values())
    say(f"  {served} pages served in {run.load.elapsed:.1f} s ({served / run.load.elapsed:.0f}/s)")
    headers = ["page", "requests", "errors", "retried", "p50 ms", "p95 ms", "max ms", "p50 ratio", "p95 ratio"]
    print_table([*headers, "worker p50 ms", "worker ratio"], rows)
    say("  (ratios against /web/login; worker: the time inside the Odoo worker, from its request log;")
    say("  retried: connections closed before any answer, then retried once)")
    if run.load.listen_overflows is not None:
        say(
            f"  listen queue overflows during the load (Linux TcpExt ListenOverflows, whole machine):"
            f" {run.load.listen_overflows}; each delays a visitor by a TCP retransmission (1 s, then doubling)"
        )
    for stats in run.load.stats.values():
        for sample in stats.error_samples:
            say(f"    error: {sample}")


def report_queries(run: Run) -> None:
    say("SQL queries per request (most of any request of the page; the last two pages are not in the load):")
    rows = []
    for page in run.showcase.pages:
        during_load = [queries for queries, _seconds in run.load.logged.get(page.name, [])]
        rows.append(
            [
                page.name,
                run.queries_before[page.name],
                run.queries_after[page.name],
                max(during_load) if during_load else "-",
            ]
        )
    print_table(["page", f"{run.units_before[1]} units", f"{run.units_after[1]} units", "during the load"], rows)


def report_goals(run: Run) -> bool:
    """Print a verdict per goal; return whether all are met."""
    say("Goals:")
    verdicts = []
    for name in GOAL_PAGES:
        p50_ratio, p95_ratio = latency_ratios(run, name)
        met = p50_ratio <= GOAL_LATENCY_RATIO and p95_ratio <= GOAL_LATENCY_RATIO
        verdicts.append(met)
        say(
            f"  {name} page <= {GOAL_LATENCY_RATIO:g}x /web/login (p50 and p95): {p50_ratio:.2f}x, {p95_ratio:.2f}x"
            f" {goal(met)}"
        )
    for name in GOAL_PAGES:
        most = most_queries(run, name)
        met = most <= GOAL_MAX_QUERIES
        verdicts.append(met)
        say(
            f"  {name} page <= {GOAL_MAX_QUERIES} queries whatever the units: {run.queries_before[name]} with"
            f" {run.units_before[1]} units, {run.queries_after[name]} with {run.units_after[1]}, at most {most}"
            f" {goal(met)}"
        )
    return all(verdicts)


def report(run: Run, args) -> int:
    on_sale, units = run.units_after
    say()
    say(
        f"Customer portal: {args.clients} anonymous visitors, {run.load.elapsed:.1f} s, prefork {args.workers} workers;"
        f" project {run.showcase.project_name} with {units} units ({on_sale} on sale),"
        f" comparison of {len(run.showcase.layout_ids)} layouts"
    )
    say(
        f"  machine: {os.cpu_count()} cores, load average {run.load.load_average[0]:.2f} before the load and"
        f" {run.load.load_average[1]:.2f} after; load generator CPU {run.load.client_cpu:.1f} s"
    )
    report_load(run)
    say()
    report_queries(run)
    say()
    met = report_goals(run)
    errors = sum(stats.errors for stats in run.load.stats.values())
    retried = sum(stats.retried for stats in run.load.stats.values())
    say(
        f"  requests failed: {errors}"
        + (f"; visitors still running after the deadline: {run.load.stuck}" if run.load.stuck else "")
    )
    results = " ".join(
        f"{name}_p50_ratio={latency_ratios(run, name)[0]:.2f} {name}_p95_ratio={latency_ratios(run, name)[1]:.2f}"
        f" {name}_queries={most_queries(run, name)}"
        for name in GOAL_PAGES
    )
    say(f"RESULT {results} errors={errors} retried={retried}")
    if errors or run.load.stuck or not met:
        say("FAILED: a goal is missed or a request failed (see above)")
        return 1
    say("OK: every goal is met and no request failed")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=25.0, help="duration of the load (default 25)")
    parser.add_argument("--clients", type=int, default=50, help="concurrent anonymous visitors (default 50)")
    parser.add_argument("--workers", type=int, default=2, help="HTTP workers of the prefork server (default 2)")
    parser.add_argument("--units", type=int, default=3000, help="units on sale the project grows to (default 3000)")
    parser.add_argument("--port", type=int, default=8390, help="HTTP port of the server (default 8390; gevent: +1)")
    parser.add_argument("--db", help="database to use and keep (default: $BENCH_DB, else a throwaway one)")
    args = parser.parse_args()
    if args.workers < 2:
        parser.error("--workers must be at least 2 (a prefork server)")
    exit_on_sigterm()

    for port in (args.port, args.port + 1):
        if not port_is_free(port):
            parser.error(f"port {port} is in use (another server?): choose others with --port")
    log_dir = tempfile.mkdtemp(prefix="realty-portal-bench-")
    with demo_data_config(log_dir), bench_database("portal", args.db, modules=("realty_portal",)) as db:
        say("Making the database speak Chinese (scripts/demo_language.py) ...")
        speak_chinese(db)
        run = measure(db, args, log_dir)
    return report(run, args)


if __name__ == "__main__":
    sys.exit(main())
