"""Billing the payment schedule, and allocating one payment (realty_finance, issue 8).

1. Billing 1,000 due installments (100 contracts × 10 installments) with ``realty.installment._bill()`` — lock,
   prepare, create and post the invoices, apply open credit — against the baseline of creating and posting the
   same 1,000 invoices directly with ``account.move.create()`` + ``action_post()`` in one batch, values prepared
   beforehand. Goal: ≤ 1.3×. Each run is rolled back, so every run bills the same installments.
2. Allocating one payment across a contract of 60 billed installments (``_allocate_payment``: Odoo's
   reconciliation, oldest first; the payment covers 30½ installments), flushed. Goal: ≤ 20 SQL queries.

The script reports; it does not fail when a goal is missed.
"""

from __future__ import annotations

import argparse
import os
import sys
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _common import (  # noqa: E402
    Measure,
    bench_database,
    exit_on_sigterm,
    goal,
    measure,
    odoo_env,
    print_table,
    say,
)

MODULES = ("realty_finance",)
CONTRACTS, LINES = 100, 10
RATIO_GOAL, QUERY_GOAL = 1.3, 20
RUNS = 3
VALID_ID_CARD = "11010519491231002X"


def make_contracts(env, count, lines, tag):
    """``count`` signed contracts whose plan has ``lines`` installments all due today (no deposit)."""
    from odoo import Command  # noqa: PLC0415

    project = env["realty.project"].create({"name": f"Billing bench {tag}"})
    building = env["realty.building"].create({"project_id": project.id, "name": "B", "code": f"B{tag[:4]}"})
    units = env["realty.unit"].create(
        [
            {
                "building_id": building.id,
                "floor": 1 + index // 10,
                "position": 1 + index % 10,
                "gross_area": 100,
                "inner_area": 80,
            }
            for index in range(count)
        ]
    )
    units.write({"unit_price": 20000.0})
    units.action_release()
    shares = [round(100.0 / lines, 2)] * (lines - 1)
    shares.append(round(100.0 - sum(shares), 2))  # a plan's shares total exactly 100 %
    plan = env["realty.payment.plan"].create(
        {
            "name": f"Bench plan {lines} parts {tag}",
            "line_ids": [
                Command.create(
                    {"name": f"Part {index + 1}", "share": share, "offset_value": index, "offset_unit": "days"}
                )
                for index, share in enumerate(shares)
            ],
        }
    )
    partner = env["res.partner"].create({"name": f"Bench buyer {tag}"})
    reservations = env["realty.reservation"].create(
        [{"unit_id": unit.id, "partner_id": partner.id, "payment_plan_id": plan.id} for unit in units]
    )
    reservations.action_confirm()
    contracts = env["realty.contract"].browse(
        [reservation.action_create_contract()["res_id"] for reservation in reservations]
    )
    contracts.buyer_ids.write({"id_number": VALID_ID_CARD})
    contracts.action_sign()
    return contracts


def bench_billing(env):
    contracts = make_contracts(env, CONTRACTS, LINES, uuid.uuid4().hex[:8])
    installments = contracts.installment_ids
    env.company.realty_invoice_lead_days = LINES + 1  # every installment falls due within the lead time
    say(f"{len(installments)} installments on {len(contracts)} contracts")
    values = [line._prepare_invoice_values() for line in installments]
    for vals in values:
        vals.pop("realty_installment_id")  # the baseline invoices are plain invoices

    def rolled_back(func):
        def run():
            env.flush_all()  # what was pending before must not be rolled back with the run
            with env.cr.savepoint(flush=False) as savepoint:
                func()
                env.flush_all()
                savepoint.rollback()
            env.invalidate_all()

        return run

    def bill():
        invoices = installments._bill()
        assert len(invoices) == len(installments), len(invoices)

    def baseline():
        env["account.move"].create(values).action_post()

    # alternated, so that a busy moment of the machine does not fall on one side only
    ours, base = Measure("installments._bill()"), Measure("account.move create + action_post")
    rolled_back(bill)()  # warm-up of both paths
    rolled_back(baseline)()
    for _run in range(RUNS):
        for result, func in ((ours, bill), (base, baseline)):
            timed = measure(result.label, env.cr, rolled_back(func), runs=1, warmup=0)
            result.times_ms += timed.times_ms
            result.queries = timed.queries
    return ours, base


def bench_allocation(env):
    """Queries of ``_allocate_payment`` over a contract of 60 billed installments, and of the baseline: Odoo's own
    reconciliation of a payment with the same number of plain invoices it reaches (no realty link)."""
    contract = make_contracts(env, 1, 60, uuid.uuid4().hex[:8])
    installments = contract.installment_ids
    installments._bill()
    reached = installments[:31]
    amount = sum(installments[:30].mapped("amount")) + installments[30].amount / 2
    payment = _posted_payment(env, contract.partner_id, amount, realty_contract_id=contract.id)
    queries = _count_queries(env, lambda: contract._allocate_payment(payment))
    paid = installments.filtered(lambda line: line.billing_state == "paid")
    partial = installments.filtered(lambda line: line.billing_state == "partial")

    values = [line._prepare_invoice_values() for line in reached]
    for vals in values:
        vals.pop("realty_installment_id")
        vals.pop("realty_contract_id")
    invoices = env["account.move"].create(values)
    invoices.action_post()
    plain = _posted_payment(env, contract.partner_id, amount)
    lines = (invoices.line_ids | plain.move_id.line_ids).filtered(lambda line: line.account_type == "asset_receivable")
    baseline = _count_queries(env, lines.reconcile)
    return queries, baseline, len(paid), len(partial)


def _posted_payment(env, partner, amount, **values):
    journal = env["account.journal"].search([("type", "=", "bank"), ("company_id", "=", env.company.id)], limit=1)
    payment = env["account.payment"].create(
        {
            "payment_type": "inbound",
            "partner_type": "customer",
            "partner_id": partner.id,
            "amount": amount,
            "journal_id": journal.id,
            **values,
        }
    )
    payment.action_post()
    return payment


def _count_queries(env, func):
    env.flush_all()
    env.invalidate_all()
    before = env.cr.sql_log_count
    func()
    env.flush_all()
    return env.cr.sql_log_count - before


def report_billing(ours, base):
    ratio = ours.best_ms / base.best_ms
    median_ratio = ours.median_ms / base.median_ms
    say()
    print_table(
        ["billing 1,000 installments", "best ms", "median ms", "queries"],
        [[m.label, f"{m.best_ms:.0f}", f"{m.median_ms:.0f}", m.queries] for m in (ours, base)],
    )
    say(f"ratio {ratio:.2f}× best, {median_ratio:.2f}× median (goal ≤ {RATIO_GOAL}×): {goal(ratio <= RATIO_GOAL)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a database to keep and reuse (default: a throwaway one)")
    parser.add_argument("--allocation-only", action="store_true", help="skip the billing comparison")
    args = parser.parse_args()
    exit_on_sigterm()
    with bench_database("finance", args.db, modules=MODULES) as db, odoo_env(db) as env:
        env.cr.sql_log_count = 0
        if not args.allocation_only:
            report_billing(*bench_billing(env))
        queries, baseline, paid, partial = bench_allocation(env)
        say()
        say(
            f"allocating one payment over 60 billed installments: {queries} queries (goal ≤ {QUERY_GOAL}): "
            f"{goal(queries <= QUERY_GOAL)}; {paid} installments paid, {partial} partly paid"
        )
        say(f"baseline, Odoo reconciling the same payment with {paid + partial} plain invoices: {baseline} queries")
        env.cr.rollback()


if __name__ == "__main__":
    main()
