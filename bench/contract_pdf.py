#!/usr/bin/env python3
"""Contract PDF: rendering one 购房合同 (realty_contract) against Odoo's own invoice PDF (account) in the same run.

The database has realty_contract and account installed (no demo data). A prefork Odoo server serves the report
assets to wkhtmltopdf (`report.url` points at it for the run); the PDFs are rendered in this process with
`_render_qweb_pdf`, as a print does. Measured, best of N after a warm-up, interleaved contract / invoice /
contract: the signed contract rendered afresh (`report_pdf_no_attachment`, as at signing), and a posted customer
invoice with three lines (its report stores nothing). For information: the QWeb part of each (the HTML, best
of N, without wkhtmltopdf) and the reprint of the contract's stored file.
No goal: the ratio says what a contract costs next to the document Odoo prints most.

    python3 bench/contract_pdf.py [--runs 5] [--db NAME]
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _common import bench_database, exit_on_sigterm, measure, odoo_env, print_table, say  # noqa: E402
from launch_day import odoo_server  # noqa: E402

MODULES = ("realty_contract", "account")
CONTRACT_REPORT = "realty_contract.realty_contract_report"
INVOICE_REPORT = "account.account_invoices"
ID_CARD = "11010519491231002X"  # a valid 身份证 number (GB 11643 check digit X)


def prepare_contract(env, tag: str):
    """A signed contract of a new unit (signing renders and stores its PDF once)."""
    project = env["realty.project"].create({"name": f"PDF bench {tag}"})
    layout = env["realty.layout"].create(
        {"project_id": project.id, "name": "C", "bedrooms": 3, "gross_area": 120.0, "inner_area": 98.0}
    )
    building = env["realty.building"].create({"project_id": project.id, "name": "Building 1", "code": "1"})
    unit = building._create_units(
        [{"floor": 12, "position": 1, "layout_id": layout.id, "gross_area": 120.0, "inner_area": 98.0}]
    )
    unit.unit_price = 25000.0
    unit.action_release()
    plan = env["realty.payment.plan"].create(
        {
            "name": f"Mortgage 30% {tag}",
            "kind": "mortgage",
            "down_payment_rate": 30.0,
            "line_ids": [
                (0, 0, {"name": "Down payment", "share": 30, "offset_value": 0, "offset_unit": "months"}),
                (0, 0, {"name": "Loan", "share": 70, "offset_value": 3, "offset_unit": "months"}),
            ],
        }
    )
    buyer = env["res.partner"].create({"name": "陈杰"})
    reservation = env["realty.reservation"].create(
        {"unit_id": unit.id, "partner_id": buyer.id, "payment_plan_id": plan.id, "deposit_amount": 50000.0}
    )
    reservation.action_confirm()
    contract = env["realty.contract"].browse(reservation.action_create_contract()["res_id"])
    contract.buyer_ids.write({"id_number": ID_CARD})
    contract.action_sign()
    return contract


def prepare_invoice(env):
    """A posted customer invoice of three lines, without products or taxes."""
    customer = env["res.partner"].create({"name": "Invoice Bench Customer"})
    invoice = env["account.move"].create(
        {
            "move_type": "out_invoice",
            "partner_id": customer.id,
            "invoice_line_ids": [
                (0, 0, {"name": name, "quantity": 1, "price_unit": price, "tax_ids": [(6, 0, [])]})
                for name, price in (("Down payment", 900000.0), ("Parking space", 150000.0), ("Fees", 3200.0))
            ],
        }
    )
    invoice.action_post()
    return invoice


def check_text(label: str, content: bytes, expected: str) -> None:
    """Warn when the PDF's text misses the document's number (a blank page: the assets were not served)."""
    if not shutil.which("pdftotext"):
        return
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=content, capture_output=True, check=False)
    if expected not in text.stdout.decode(errors="replace"):
        say(f"WARNING: the {label} PDF does not show {expected}")


def pages(content: bytes) -> int:
    from odoo.tools.pdf import PdfFileReader  # noqa: PLC0415

    return len(PdfFileReader(io.BytesIO(content)).pages)


def run(env, runs: int) -> dict:
    say("Preparing a signed contract and a posted invoice ...")
    contract = prepare_contract(env, uuid.uuid4().hex[:8])
    invoice = prepare_invoice(env)
    env.cr.commit()
    report = env["ir.actions.report"]
    fresh = report.with_context(report_pdf_no_attachment=True)

    def contract_pdf():
        return fresh._render_qweb_pdf(CONTRACT_REPORT, contract.ids)[0]

    def invoice_pdf():
        return report._render_qweb_pdf(INVOICE_REPORT, invoice.ids)[0]

    def stored_pdf():
        return report._render_qweb_pdf(CONTRACT_REPORT, contract.ids)[0]

    def html(report_ref, record):  # the QWeb part of a print, without wkhtmltopdf
        return lambda: report._render_qweb_html(report_ref, record.ids)[0]

    say(f"Rendering, {runs} runs each (interleaved) ...")
    first = measure("contract", env.cr, contract_pdf, runs=runs)
    bill = measure("invoice", env.cr, invoice_pdf, runs=runs)
    second = measure("contract", env.cr, contract_pdf, runs=runs, warmup=0)
    stored = measure("stored", env.cr, stored_pdf, runs=runs)
    html_ms = {
        "contract": measure("contract html", env.cr, html(CONTRACT_REPORT, contract), runs=runs).best_ms,
        "invoice": measure("invoice html", env.cr, html(INVOICE_REPORT, invoice), runs=runs).best_ms,
    }
    check_text("contract", first.result, contract.name)  # the invoice's text is outlines (Odoo's web font)
    signed = min(first, second, key=lambda result: result.best_ms)
    signed.times_ms = first.times_ms + second.times_ms
    table = [
        [
            label,
            pages(result.result),
            f"{len(result.result) / 1024:.0f}",
            f"{result.best_ms:,.0f}",
            f"{result.median_ms:,.0f}",
            result.queries,
            f"{html_ms[kind]:,.0f}" if kind else "",
        ]
        for label, kind, result in (
            (f"contract {contract.name}, rendered", "contract", signed),
            (f"invoice {invoice.name}", "invoice", bill),
            ("contract, stored file reprinted", None, stored),
        )
    ]
    return {"table": table, "ratio": signed.best_ms / bill.best_ms}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed renders per measure (best is kept)")
    parser.add_argument("--db", help="database to use and keep (default: $BENCH_DB, else a throwaway one)")
    args = parser.parse_args()
    exit_on_sigterm()
    if not shutil.which("wkhtmltopdf"):
        sys.exit("wkhtmltopdf is not installed")

    with bench_database("contract_pdf", args.db, modules=MODULES) as db:
        with tempfile.TemporaryDirectory(prefix="realty-contract-pdf-") as workdir:
            say(f"Starting Odoo (prefork, 2 workers) on {db} to serve the report assets ...")
            with odoo_server(db, os.path.join(workdir, "odoo-server.log")) as url, odoo_env(db) as env:
                params = env["ir.config_parameter"]
                old_url = params.get_param("report.url")
                params.set_param("report.url", url)
                env.cr.commit()
                try:
                    rows = run(env, args.runs)
                finally:
                    env.cr.rollback()
                    params.set_param("report.url", old_url or False)
                    env.cr.commit()
    say()
    print_table(["PDF", "pages", "KiB", "best ms", "median ms", "SQL", "of which HTML ms"], rows["table"])
    say()
    say(f"Ratio contract / invoice (best): {rows['ratio']:.2f}x (information, no goal)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
