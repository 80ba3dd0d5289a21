#!/usr/bin/env python3
"""Take the README screenshots of Realty CRM with a headless Chromium.

Needs a running Odoo server whose database has the demo data of the realty addons
(``--with-demo``), ideally with the admin user's language set to zh_CN, and a Chromium binary
(``chromium``, ``chromium-browser`` or ``google-chrome`` on the PATH, or ``--chromium``).
Chromium is driven through the DevTools protocol (websocket-client); JSON-RPC calls (login,
record lookups) go through requests. The printouts (认购书, 购房合同, 收据) are page 1 of the PDF the
server renders, made a PNG by ``pdftoppm`` (poppler-utils). The customer portal's pages (``portal_*.png``) are
taken as an anonymous visitor with a Chinese browser and as the demo portal buyer (``--portal-login``, ideally with
zh_CN as their language too), some of them at a phone's width. Example::

    python3 tools/screenshots.py --url http://127.0.0.1:8069 --db realty --out docs/screenshots
"""

import argparse
import base64
import contextlib
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import requests
import websocket

APP_MENU = "realty_base.realty_menu_root"
VIEWPORT = (1440, 900)
PHONE_WIDTH = 390
PAGE_TIMEOUT = 30.0
IMAGE_SETTLE = 1.0
MAX_PNG_BYTES = 400 * 1024
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--lang=zh-CN",
)


class ScreenshotError(Exception):
    pass


# ----------------------------------------------------------------------
# Odoo JSON-RPC
# ----------------------------------------------------------------------


class OdooClient:
    def __init__(self, url, db):
        self.url = url.rstrip("/")
        self.db = db
        self.session = requests.Session()
        self.menu_id = None

    def _rpc(self, path, params):
        payload = {"jsonrpc": "2.0", "method": "call", "id": 1, "params": params}
        response = self.session.post(self.url + path, json=payload, timeout=60)
        response.raise_for_status()
        body = response.json()
        if body.get("error"):
            error = body["error"]
            message = error.get("data", {}).get("message") or error.get("message")
            raise ScreenshotError(f"{path}: {message}")
        return body["result"]

    def authenticate(self, login, password):
        if not self.db:
            try:
                databases = self._rpc("/web/database/list", {})
            except (ScreenshotError, requests.RequestException):
                databases = []
            if len(databases) != 1:
                raise ScreenshotError("cannot tell which database to use: pass --db")
            self.db = databases[0]
        # pins the database for the session cookie when the server hosts several of them
        self.session.get(self.url + "/web/login", params={"db": self.db}, timeout=60)
        result = self._rpc("/web/session/authenticate", {"db": self.db, "login": login, "password": password})
        if not result.get("uid"):
            raise ScreenshotError(f"login {login!r} refused")
        return self.session.cookies.get("session_id")

    def call(self, model, method, *args, **kwargs):
        params = {"model": model, "method": method, "args": list(args), "kwargs": kwargs}
        return self._rpc(f"/web/dataset/call_kw/{model}/{method}", params)

    def xmlid_to_id(self, xmlid):
        module, name = xmlid.split(".")
        rows = self.call("ir.model.data", "search_read", [("module", "=", module), ("name", "=", name)], ["res_id"])
        if not rows:
            raise ScreenshotError(f"{xmlid} not found: are realty_base and realty_sales installed?")
        return rows[0]["res_id"]

    def app_url(self, path, **query):
        """A web client URL shown inside the Realty app: its menu bar even for actions that other apps share."""
        if self.menu_id is None:
            self.menu_id = self.xmlid_to_id(APP_MENU)
        return f"{self.url}{path}?{urlencode({**query, 'menu_id': self.menu_id})}"

    def find_id(self, model, domain, order=None):
        ids = self.call(model, "search", domain, limit=1, **({"order": order} if order else {}))
        if not ids:
            raise ScreenshotError(f"no {model} record matches {domain}: is the demo data installed?")
        return ids[0]


# ----------------------------------------------------------------------
# Chromium through the DevTools protocol
# ----------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def find_chromium(explicit):
    if explicit:
        return explicit
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    raise ScreenshotError("no Chromium found: pass --chromium")


class Browser:
    """A headless Chromium with one page, driven over its DevTools websocket."""

    def __init__(self, binary):
        self.profile = tempfile.mkdtemp(prefix="realty-shots-")
        port = free_port()
        command = [binary, *CHROMIUM_FLAGS, f"--remote-debugging-port={port}", f"--user-data-dir={self.profile}"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.ws = None
        self.next_id = 0
        self.errors = []
        try:
            self.ws = websocket.create_connection(self._page_websocket_url(port), timeout=PAGE_TIMEOUT)
        except Exception:
            self.close()
            raise
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.send(f"{domain}.enable")

    def _page_websocket_url(self, port):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ScreenshotError(f"Chromium exited with code {self.process.returncode}")
            with contextlib.suppress(requests.RequestException, ValueError):
                targets = requests.get(f"http://127.0.0.1:{port}/json", timeout=2).json()
                pages = [t for t in targets if t.get("type") == "page" and t.get("webSocketDebuggerUrl")]
                if pages:
                    return pages[0]["webSocketDebuggerUrl"]
            time.sleep(0.2)
        raise ScreenshotError("Chromium did not open its DevTools port")

    def close(self):
        if self.ws:
            with contextlib.suppress(Exception):
                self.ws.close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)

    def _on_event(self, message):
        method, params = message.get("method"), message.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            text = details.get("exception", {}).get("description") or details.get("text")
            self.errors.append(f"JS exception: {text}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
            args = params.get("args", [])
            text = " ".join(str(arg.get("value") or arg.get("description") or "") for arg in args)
            self.errors.append(f"console.error: {text[:2000]}")
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            self.errors.append(f"console: {entry.get('text')} {entry.get('url', '')}".strip())

    def send(self, method, **params):
        self.next_id += 1
        message_id = self.next_id
        self.ws.send(json.dumps({"id": message_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == message_id:
                if "error" in message:
                    raise ScreenshotError(f"{method}: {message['error'].get('message')}")
                return message.get("result", {})
            self._on_event(message)

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise ScreenshotError(f"evaluate failed: {details.get('exception', {}).get('description') or details}")
        return result.get("result", {}).get("value")

    def set_viewport(self, width, height, mobile=False):
        """``mobile`` emulates a phone: the page's meta viewport applies, as on a real phone."""
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=mobile)

    def set_accept_language(self, accept_language):
        """The languages the browser asks for: headless Chromium ignores ``--lang`` and asks for en-US."""
        user_agent = self.send("Browser.getVersion")["userAgent"]
        self.send("Network.setUserAgentOverride", userAgent=user_agent, acceptLanguage=accept_language)

    def set_session(self, url, session_id):
        """Browse as the user of ``session_id``, or as an anonymous visitor when it is None.

        The frontend's language cookie goes too: a visitor gets the browser's language, a user their own."""
        for cookie in ("session_id", "frontend_lang"):
            self.send("Network.deleteCookies", name=cookie, url=url + "/")
        if session_id:
            self.send("Network.setCookie", name="session_id", value=session_id, url=url + "/", path="/", httpOnly=True)

    def load_lazy_images(self):
        """Load the lazy images now (the portal's: those below the fold would never load in a screenshot), so that
        ``settle`` waits for every image and ``broken_images`` checks them all."""
        self.evaluate("document.querySelectorAll('img[loading=lazy]').forEach((img) => { img.loading = 'eager'; })")

    def navigate(self, url):
        self.send("Page.navigate", url=url)
        # Page.navigate returns before the old document is gone: wait for the new one
        time.sleep(0.5)
        self.wait_for_js("document.readyState === 'complete'", "page load")

    def wait_for_js(self, condition, what, timeout=PAGE_TIMEOUT):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            # an error dialog will not go away by itself: stop waiting
            state = self.evaluate(f"document.querySelector('.o_error_dialog') ? 'error' : !!({condition})")
            if state == "error":
                raise ScreenshotError(f"error dialog while waiting for {what}")
            if state:
                return
            time.sleep(0.25)
        raise ScreenshotError(f"timed out waiting for {what}")

    def wait_for(self, selector, timeout=PAGE_TIMEOUT):
        self.wait_for_js(f"document.querySelector({json.dumps(selector)})", selector, timeout)

    def click(self, selector):
        self.wait_for(selector)
        self.evaluate(f"document.querySelector({json.dumps(selector)}).click()")

    def scroll_to_top(self, selector, margin=8):
        """Scroll the element to the top of its scrolling container, below the sticky form header if any."""
        self.evaluate(
            f"""(() => {{
                const el = document.querySelector({json.dumps(selector)});
                el.scrollIntoView({{block: "start"}});
                const sticky = Array.from(document.querySelectorAll(".o_form_sheet_bg > *, .o_control_panel"))
                    .filter((e) => ["sticky", "fixed"].includes(getComputedStyle(e).position));
                const top = Math.max(0, ...sticky.map((e) => e.getBoundingClientRect().bottom));
                let box = el.parentElement;
                while (box && !(box.scrollHeight > box.clientHeight && /auto|scroll/.test(getComputedStyle(box).overflowY))) {{
                    box = box.parentElement;
                }}
                (box || document.scrollingElement).scrollTop -= top - el.getBoundingClientRect().top + {margin};
            }})()"""
        )

    def settle(self):
        """Let images load and the UI finish its animations (notebook tabs, modal fade-in)."""
        time.sleep(IMAGE_SETTLE)
        images_done = "Array.from(document.images).every((img) => img.complete)"
        with contextlib.suppress(ScreenshotError):
            self.wait_for_js(images_done, "images", timeout=10)
        self.evaluate("document.activeElement && document.activeElement.blur()")
        time.sleep(0.3)

    def broken_images(self):
        return self.evaluate(
            "Array.from(document.images).filter((img) => img.complete && img.src && !img.naturalWidth)"
            ".map((img) => img.src)"
        )

    def error_dialog(self):
        return self.evaluate(
            "(() => { const d = document.querySelector('.o_error_dialog, .o_dialog .modal-body .o_error_detail');"
            " return d ? d.innerText.slice(0, 300) : null; })()"
        )

    def screenshot(self, path):
        data = self.send("Page.captureScreenshot", format="png", captureBeyondViewport=False)["data"]
        path.write_bytes(base64.b64decode(data))


def unique(messages):
    """The same error is often logged once per record: report it once."""
    return list(dict.fromkeys(messages))


def shrink_png(path):
    """Make a PNG lighter for the README when Pillow is available.

    Chromium's encoder favours speed: a lossless re-encode (RGB, zlib level 9) saves a good part.
    A screenshot still heavier than MAX_PNG_BYTES gets a 256-colour palette without dithering,
    which keeps flat UI colours and text crisp.
    """
    try:
        from PIL import Image
    except ImportError:
        if path.stat().st_size > MAX_PNG_BYTES:
            print(f"  {path.name}: {path.stat().st_size // 1024} KB (install Pillow to shrink it)")
        return
    original = path.read_bytes()
    with Image.open(path) as image:
        rgb = image.convert("RGB")
    rgb.save(path, optimize=True)
    if path.stat().st_size > MAX_PNG_BYTES:
        palette = rgb.quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
        palette.save(path, optimize=True)
    if path.stat().st_size > len(original):
        path.write_bytes(original)


# ----------------------------------------------------------------------
# The pages
# ----------------------------------------------------------------------


def shot_sales_board(browser, odoo):
    browser.navigate(odoo.app_url("/odoo/action-realty_sales.realty_sales_board_action"))
    browser.wait_for(".o_realty_board_cell")
    # the demo's unit pending discount approval (待审批): the side panel shows its reservation
    cell = ".o_realty_board_cell[data-state='pending']"
    browser.wait_for(cell)
    browser.evaluate(f"document.querySelector({json.dumps(cell)}).scrollIntoView({{block: 'center'}})")
    browser.click(cell)
    browser.wait_for(".o_realty_board_panel .o_realty_board_panel_reservation")
    browser.wait_for(".o_realty_board_panel img")
    browser.wait_for_js("document.querySelector('.o_realty_board_panel img').naturalWidth > 0", "floorplan image")


def shot_units_list(browser, odoo):
    browser.navigate(odoo.app_url("/odoo/action-realty_base.realty_unit_action"))
    browser.wait_for(".o_list_view .o_data_row")


def shot_units_kanban(browser, odoo):
    browser.navigate(odoo.app_url("/odoo/action-realty_base.realty_unit_action", view_type="kanban"))
    browser.wait_for(".o_kanban_view .o_kanban_group .o_kanban_record img")


def shot_project_form(browser, odoo):
    project_id = odoo.find_id("realty.project", [("name", "=", "翠湖花园")])
    browser.navigate(odoo.app_url(f"/odoo/action-realty_base.realty_project_action/{project_id}"))
    browser.wait_for(".o_form_view .o_form_sheet .oe_button_box, .o_form_view .o_form_sheet")
    # the Layouts tab 户型: each layout with its floorplan, areas and unit count
    browser.click(".o_notebook .nav-link[name='layouts']")
    browser.wait_for(".o_notebook .o_field_widget[name='layout_ids'] .o_data_row")


def shot_lead_recommendations(browser, odoo):
    lead_id = odoo.find_id("crm.lead", [("name", "=", "张伟 · 改善型三居")])
    browser.navigate(odoo.app_url(f"/odoo/action-crm.crm_lead_all_leads/{lead_id}"))
    browser.wait_for(".o_form_view .o_notebook")
    browser.click(".o_notebook .nav-link[name='realty_needs']")
    browser.wait_for(".o_realty_recommendations table tbody tr")
    # the tab's header on top, the recommendations table below it (the viewport is 1400 px high)
    browser.scroll_to_top(".o_form_view .o_notebook")


def shot_unit_generator(browser, odoo):
    building_id = odoo.find_id("realty.building", [("name", "=", "1号楼")])
    browser.navigate(odoo.app_url(f"/odoo/action-realty_base.realty_building_action/{building_id}"))
    browser.click(".o_form_view button[name='action_open_unit_generator']")
    browser.wait_for(".modal .o_field_widget[name='line_ids']")


def shot_reservation_form(browser, odoo):
    reservation_id = odoo.find_id("realty.reservation", [("partner_id.name", "=", "张伟")])
    browser.navigate(odoo.app_url(f"/odoo/action-realty_sales.realty_reservation_action/{reservation_id}"))
    browser.wait_for(".o_form_view .o_form_sheet .o_field_widget")
    # the gear menu lists the printouts (认购书, 定金收据) next to the header's Change Terms
    browser.click(".o_control_panel .o_cp_action_menus .dropdown-toggle")
    browser.wait_for(".o-dropdown--menu .o-dropdown-item")
    browser.evaluate(
        "Array.from(document.querySelectorAll('.o-dropdown--menu .o-dropdown-item, .o-dropdown--menu .dropdown-toggle'))"
        ".find((el) => el.querySelector('.fa-print')).click()"
    )
    browser.wait_for_js(
        "Array.from(document.querySelectorAll('.o-dropdown--menu')).some((m) => m.innerText.includes('认购书'))",
        "the Print submenu",
    )


def shot_arrears(browser, odoo):
    # 欠款 as an aged receivables table: one row per customer, one column per aging bucket (the pivot's columns)
    browser.navigate(odoo.app_url("/odoo/action-realty_finance.realty_report_arrears_action", view_type="pivot"))
    browser.wait_for(".o_pivot tbody .o_pivot_header_cell_closed")
    browser.click(".o_searchview_facet .o_facet_remove")  # the action's default grouping by bucket: rows as well
    browser.wait_for_js("!document.querySelector('.o_searchview_facet')", "the grouping facet removed")
    browser.click(".o_pivot tbody .o_pivot_header_cell_opened")  # fold the rows…
    browser.wait_for_js("!document.querySelector('.o_pivot tbody .o_pivot_header_cell_opened')", "the rows folded")
    browser.click(".o_pivot tbody .o_pivot_header_cell_closed")  # …and open them again by customer
    browser.wait_for(".o-dropdown--menu .o-dropdown-item")
    browser.evaluate(
        "Array.from(document.querySelectorAll('.o-dropdown--menu .o-dropdown-item'))"
        ".find((item) => item.innerText.trim() === '客户').click()"
    )
    browser.wait_for(".o_pivot tbody .o_pivot_header_cell_opened")


def shot_dashboard(browser, odoo):
    # 经营看板: this month's KPI cards, the trend chart and the top layouts and salespeople of the demo's 90 days
    browser.navigate(odoo.app_url("/odoo/action-realty_reports.realty_dashboard_action"))
    browser.wait_for(".o_realty_dashboard_card .o_realty_dashboard_value")
    browser.wait_for(".o_realty_dashboard_chart canvas")
    browser.wait_for(".o_realty_dashboard_top_row")


def shot_daily_report(browser, odoo):
    # yesterday's 日报 of 翠湖花园, as the nightly cron made it
    report_id = odoo.find_id("realty.daily.report", [], order="date desc")
    browser.navigate(odoo.app_url(f"/odoo/action-realty_reports.realty_daily_report_action/{report_id}"))
    browser.wait_for(".o_form_view .o_form_sheet .o_field_widget")


def shot_backups(browser, odoo):
    browser.navigate(odoo.app_url("/odoo/action-realty_admin.realty_backup_action"))
    browser.wait_for(".o_list_view .o_data_row")


def shot_roles(browser, odoo):
    browser.navigate(odoo.app_url("/odoo/action-realty_admin.res_users_action_realty_roles"))
    browser.wait_for(".o_list_view .o_data_row")


# (file name, function, viewport height)
PAGES = [
    ("sales_board.png", shot_sales_board, 900),
    ("units_list.png", shot_units_list, 900),
    ("units_kanban.png", shot_units_kanban, 900),
    ("project_form.png", shot_project_form, 1100),
    ("lead_recommendations.png", shot_lead_recommendations, 1400),
    ("unit_generator.png", shot_unit_generator, 900),
    ("reservation_form.png", shot_reservation_form, 900),
    ("arrears.png", shot_arrears, 520),
    ("dashboard.png", shot_dashboard, 1000),
    ("daily_report.png", shot_daily_report, 1100),
    ("backups.png", shot_backups, 520),
    ("roles.png", shot_roles, 620),
]


# ----------------------------------------------------------------------
# The customer portal: its own pages (not the web client), as a visitor or as the demo buyer
# ----------------------------------------------------------------------

SHOWCASE_PROJECT = "翠湖花园"
COMPARED_LAYOUTS = ("B1", "C1", "D1")  # a two-, a three- and a four-bedroom layout, all with units on sale
PHONE_LAYOUT = "C1"
PORTAL_ACCEPT_LANGUAGE = "zh-CN,zh"  # a Chinese browser: the portal's pages follow its language
VISITOR, BUYER = "visitor", "buyer"


def showcase_layout_id(odoo, name):
    return odoo.find_id("realty.layout", [("project_id.name", "=", SHOWCASE_PROJECT), ("name", "=", name)])


def open_portal_page(browser, odoo, path, *selectors):
    """A portal page once its content is there, with every image loaded (the portal's load lazily)."""
    browser.navigate(odoo.url + path)
    for selector in selectors:
        browser.wait_for(selector)
    browser.load_lazy_images()


def shot_portal_project(browser, odoo):
    # the environment gallery 整体环境展示, the project's facts and the layouts by category 户型分类展示
    project_id = odoo.find_id("realty.project", [("name", "=", SHOWCASE_PROJECT)])
    open_portal_page(browser, odoo, f"/realty/{project_id}", ".o_realty_gallery img", ".o_realty_layout_card")


def shot_portal_compare(browser, odoo):
    # 户型对比 as a shared link: the rows that differ are highlighted, one row per payment plan
    ids = ",".join(str(showcase_layout_id(odoo, name)) for name in COMPARED_LAYOUTS)
    open_portal_page(browser, odoo, f"/realty/compare?ids={ids}", ".o_realty_compare_table tbody tr")


def shot_portal_phone_layout(browser, odoo):
    layout_id = showcase_layout_id(odoo, PHONE_LAYOUT)
    open_portal_page(browser, odoo, f"/realty/layout/{layout_id}", ".o_realty_gallery img", ".o_realty_units")


def shot_portal_phone_my_home(browser, odoo):
    # 我的房产 of the demo buyer, as they open it: their contract's steps 认购 → 签约 → 网签备案 → 按揭 → 交房 and its
    # payment schedule
    open_portal_page(browser, odoo, "/my/realty", ".o_realty_contracts a")
    browser.click(".o_realty_contracts a")
    browser.wait_for_js("location.pathname.includes('/my/realty/contract/')", "the contract page")
    browser.wait_for_js("document.readyState === 'complete'", "page load")
    for selector in (".o_realty_steps", ".o_realty_schedule"):
        browser.wait_for(selector)


def shot_portal_phone_home(browser, odoo):
    # the buyer's portal home: the entries 我的房产, 我的需求, 为我推荐 (and the next payment due, when the buyer has one)
    open_portal_page(browser, odoo, "/my/home", ".o_portal_index_card img")


def shot_portal_recommendations(browser, odoo):
    # 为我推荐 from the needs on the demo buyer's lead
    open_portal_page(
        browser, odoo, "/my/realty/recommendations", ".o_realty_recommendation, .o_realty_no_recommendation"
    )
    if not browser.evaluate("!!document.querySelector('.o_realty_recommendation')"):
        raise ScreenshotError("nothing recommended: the portal buyer has no needs (我的需求) or nothing fits them")


# (file name, function, viewport width and height, browsing as); a phone's width emulates a phone
PORTAL_PAGES = [
    ("portal_project.png", shot_portal_project, VIEWPORT[0], 1810, VISITOR),  # down to the two-bedroom layouts
    ("portal_compare.png", shot_portal_compare, VIEWPORT[0], 860, VISITOR),
    ("portal_phone_layout.png", shot_portal_phone_layout, PHONE_WIDTH, 844, VISITOR),
    ("portal_phone_my_home.png", shot_portal_phone_my_home, PHONE_WIDTH, 844, BUYER),
    ("portal_phone_home.png", shot_portal_phone_home, PHONE_WIDTH, 844, BUYER),
    ("portal_recommendations.png", shot_portal_recommendations, VIEWPORT[0], 760, BUYER),
]


# ----------------------------------------------------------------------
# The printouts: page 1 of a demo document's PDF
# ----------------------------------------------------------------------

PDF_RESOLUTION = 60  # dpi: an A4 page becomes about 500 × 700 px


def pdf_reservation_agreement(odoo):
    reservation_id = odoo.find_id("realty.reservation", [("partner_id.name", "=", "张伟"), ("state", "=", "confirmed")])
    return f"/report/pdf/realty_sales.report_reservation_agreement/{reservation_id}"


def pdf_contract(odoo):
    contract_id = odoo.find_id("realty.contract", [("state", "=", "registered")])
    return f"/report/pdf/realty_contract.report_contract/{contract_id}"


def pdf_receipt(odoo):
    # the last payment of the demo's paid-up contract (吴磊): its balance 尾款, paid by bank transfer
    payment_id = odoo.find_id("account.payment", [("realty_contract_id.partner_id.name", "=", "吴磊")])
    return f"/report/pdf/realty_finance.report_payment_receipt/{payment_id}"


# (file name, function giving the report's URL)
PDFS = [
    ("reservation_agreement.png", pdf_reservation_agreement),
    ("contract.png", pdf_contract),
    ("receipt.png", pdf_receipt),
]


def shot_pdf(odoo, url, path):
    """Page 1 of the PDF the server renders at ``url``, as a PNG."""
    response = odoo.session.get(odoo.url + url, timeout=180)
    response.raise_for_status()
    if not response.content.startswith(b"%PDF"):
        raise ScreenshotError(f"{url} did not return a PDF ({response.headers.get('Content-Type')})")
    with tempfile.TemporaryDirectory(prefix="realty-pdf-") as tmp:
        pdf = Path(tmp) / "document.pdf"
        pdf.write_bytes(response.content)
        page = Path(tmp) / "page"
        command = ["pdftoppm", "-png", "-r", str(PDF_RESOLUTION), "-f", "1", "-l", "1", "-singlefile", pdf, page]
        try:
            subprocess.run(command, check=True, capture_output=True)
        except FileNotFoundError:
            raise ScreenshotError("pdftoppm not found: install poppler-utils")
        except subprocess.CalledProcessError as error:
            raise ScreenshotError(f"pdftoppm failed: {error.stderr.decode(errors='replace')}")
        shutil.copyfile(page.with_suffix(".png"), path)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8069", help="Odoo server URL")
    parser.add_argument("--db", default="", help="database (default: the server's only one)")
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--portal-login", default="zhouting", help="the portal buyer of the portal_* screenshots")
    parser.add_argument("--portal-password", default="zhouting")
    parser.add_argument("--out", default="docs/screenshots", help="output directory")
    parser.add_argument("--chromium", default="", help="Chromium binary (default: searched on the PATH)")
    parser.add_argument("--only", nargs="*", default=[], help="file names to take (default: all)")
    return parser.parse_args(argv)


def take_page(browser, odoo, take, path):
    """Take one page's screenshot into ``path``; False (and what went wrong printed) when it failed."""
    browser.errors.clear()
    try:
        take(browser, odoo)
        browser.settle()
    except ScreenshotError as error:
        print(f"  FAILED: {error}")
        for problem in [*unique(browser.errors), f"error dialog: {browser.error_dialog()}"]:
            print(f"  {problem}")
        # kept out of the docs folder: only good screenshots go there
        failed = Path(tempfile.gettempdir()) / f"FAILED_{path.name}"
        browser.screenshot(failed)
        print(f"  what the browser showed: {failed}")
        return False
    problems = unique(browser.errors)
    dialog = browser.error_dialog()
    if dialog:
        problems.append(f"error dialog: {dialog}")
    problems += [f"broken image: {src}" for src in browser.broken_images()]
    browser.screenshot(path)
    shrink_png(path)
    print(f"  {path} ({path.stat().st_size // 1024} KB)")
    for problem in problems:
        print(f"  WARNING: {problem}")
    return True


def portal_sessions(odoo, portal_pages, login, password):
    """The browser's session for each kind of portal visitor: none for a visitor, the demo buyer's own."""
    sessions = {VISITOR: None}
    if any(page[4] == BUYER for page in portal_pages):
        sessions[BUYER] = OdooClient(odoo.url, odoo.db).authenticate(login, password)
    return sessions


def main(argv=None):
    args = parse_args(argv)
    base = args.url.rstrip("/")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    pages = [page for page in PAGES if not args.only or page[0] in args.only]
    portal_pages = [page for page in PORTAL_PAGES if not args.only or page[0] in args.only]
    pdfs = [pdf for pdf in PDFS if not args.only or pdf[0] in args.only]

    odoo = OdooClient(base, args.db)
    session_id = odoo.authenticate(args.login, args.password)
    sessions = portal_sessions(odoo, portal_pages, args.portal_login, args.portal_password)
    browser = Browser(find_chromium(args.chromium))
    failures = 0
    try:
        browser.send("Network.setCookie", name="session_id", value=session_id, url=base + "/", path="/", httpOnly=True)
        for name, take, height in pages:
            print(f"{name} ...", flush=True)
            browser.set_viewport(VIEWPORT[0], height)
            failures += not take_page(browser, odoo, take, out / name)
        browser.set_accept_language(PORTAL_ACCEPT_LANGUAGE)
        for name, take, width, height, visitor in portal_pages:
            print(f"{name} ...", flush=True)
            browser.set_viewport(width, height, mobile=width <= PHONE_WIDTH)
            browser.set_session(base, sessions[visitor])
            failures += not take_page(browser, odoo, take, out / name)
    finally:
        browser.close()
    for name, report_url in pdfs:
        print(f"{name} ...", flush=True)
        try:
            shot_pdf(odoo, report_url(odoo), out / name)
        except (ScreenshotError, requests.RequestException) as error:
            failures += 1
            print(f"  FAILED: {error}")
            continue
        shrink_png(out / name)
        print(f"  {out / name} ({(out / name).stat().st_size // 1024} KB)")
    return 1 if failures else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except ScreenshotError as error:
        sys.exit(f"error: {error}")
