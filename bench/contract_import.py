#!/usr/bin/env python3
"""Legacy contract import: `realty.contract.import` of an xlsx file against creating the same records directly.

The data: one project of 2 buildings x 25 floors x 20 positions (1,000 available units), two payment plans (full
payment; mortgage with two shares) and a sales manager. The file holds 1,000 contracts (every fifth with a co-buyer:
1,200 rows), 70 % signed, 20 % registered, 10 % delivered, each with a deposit.

Measured, as the sales manager, each run in a savepoint rolled back afterwards (so that every run finds the same
available units):
  * the import: the wizard reads the file, checks every row, and creates customers, reservations, contracts with
    their buyers, schedules, unit states and a note per contract (progress notifications included);
  * the baseline: the same records created directly, in one batch per model with create() from values prepared
    in Python (customers, reservations with their frozen terms, contracts with their buyers, installments from
    `_prepare_installment_commands()`, unit states), without reading or checking anything.

The two alternate, one run each per round after a warm-up round; the ratio of a round compares two runs made
seconds apart. Goal (issue 7): import time <= 1.5 x the baseline, taken as the median of the rounds' ratios. The
script reports; it exits 0 unless it could not run.

    python3 bench/contract_import.py [--runs 3] [--db NAME] [--profile]
"""

from __future__ import annotations

import argparse
import base64
import datetime
import io
import os
import statistics
import sys

import xlsxwriter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _common import Measure, bench_database, exit_on_sigterm, goal, measure, odoo_env, print_table, profile, say  # noqa: E402

BUILDINGS, FLOORS, POSITIONS = 2, 25, 20
MAX_RATIO = 1.5
PROJECT = "Bench Import Garden"
PLANS = {"Bench Full Payment": ("full", [100]), "Bench Mortgage": ("mortgage", [30, 70])}
MANAGER = "bench_import_manager"
SIGNED = datetime.date(2023, 6, 1)
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


# ----------------------------------------------------------------------
# Data (created once, committed; reused in a kept database)
# ----------------------------------------------------------------------


def prepare(env):
    """The project with its 1,000 available units, the two plans and the sales manager."""
    project = env["realty.project"].search([("name", "=", PROJECT)], limit=1)
    if not project:
        project = env["realty.project"].create({"name": PROJECT, "code": "BIG"})
        for number in range(1, BUILDINGS + 1):
            building = env["realty.building"].create(
                {"project_id": project.id, "name": f"Tower {number}", "code": f"T{number}", "floor_count": FLOORS}
            )
            units = building._create_units(
                [
                    {
                        "floor": floor,
                        "position": position,
                        "gross_area": 100.0,
                        "inner_area": 80.0,
                        "unit_price": 20000.0,
                    }
                    for floor in range(1, FLOORS + 1)
                    for position in range(1, POSITIONS + 1)
                ]
            )
            units._action_env().write({"state": "available"})  # released, as an action would
        for name, (kind, shares) in PLANS.items():
            env["realty.payment.plan"].create(
                {
                    "name": name,
                    "kind": kind,
                    "down_payment_rate": 30.0 if kind == "mortgage" else 0.0,
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "name": f"Payment {index}",
                                "share": share,
                                "offset_value": index,
                                "offset_unit": "months",
                            },
                        )
                        for index, share in enumerate(shares)
                    ],
                }
            )
        env["res.users"].create(
            {
                "name": "Bench Import Manager",
                "login": MANAGER,
                "group_ids": [(4, env.ref("realty_base.group_realty_manager").id)],
            }
        )
        env.cr.commit()
    units = env["realty.unit"].search([("project_id", "=", project.id)], order="id")
    if set(units.mapped("state")) != {"available"}:
        sys.exit(f"the units of {PROJECT} are not all available: use a fresh database")
    return units, env["res.users"].search([("login", "=", MANAGER)])


def id_card(number):
    first_17 = f"1101051980{number:07d}"
    return first_17 + "10X98765432"[sum(int(d) * w for d, w in zip(first_17, ID_WEIGHTS)) % 11]


def contract_rows(units):
    """One dict per row of the file: 1,000 contracts, every fifth with a co-buyer."""
    rows = []
    plans = list(PLANS)
    for index, unit in enumerate(units):
        state = "delivered" if index % 10 == 0 else "registered" if index % 10 < 3 else "signed"
        contract = {
            "legacy_ref": f"OLD-{index:05d}",
            "project": PROJECT,
            "building": unit.building_id.code,
            "unit": unit.name,
            "payment_plan": plans[index % 2],
            "price": 1_900_000.0 + index,
            "deposit": 50_000.0,
            "date_signed": SIGNED,
            "state": state,
            "registration_no": f"WQ-{index}" if state != "signed" else None,
            "registration_date": SIGNED + datetime.timedelta(days=20) if state != "signed" else None,
            "date_delivered": SIGNED + datetime.timedelta(days=300) if state == "delivered" else None,
        }
        co_buyer = index % 5 == 0
        buyer = {"buyer_name": f"Buyer {index}", "id_number": id_card(index), "phone": f"139{index:08d}"}
        rows.append(contract | buyer | {"share": 60.0 if co_buyer else 100.0, "is_main": "yes"})
        if co_buyer:
            rows.append(
                {
                    "legacy_ref": contract["legacy_ref"],
                    "buyer_name": f"Co-buyer {index}",
                    "id_number": id_card(500_000 + index),
                }
                | {"share": 40.0, "is_main": "no"}
            )
    return rows


def xlsx_file(env, rows):
    from odoo.addons.realty_contract.wizard.contract_import_format import COLUMNS  # noqa: PLC0415

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = workbook.add_worksheet()
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    for col, column in enumerate(COLUMNS):
        sheet.write_string(0, col, column.header)
    for number, row in enumerate(rows, start=1):
        for col, column in enumerate(COLUMNS):
            value = row.get(column.key)
            if isinstance(value, datetime.date):
                sheet.write_datetime(number, col, datetime.datetime.combine(value, datetime.time()), date_format)
            elif value is not None:
                sheet.write(number, col, value)
    workbook.close()
    return buffer.getvalue()


# ----------------------------------------------------------------------
# The two ways of creating the contracts
# ----------------------------------------------------------------------


def run_import(env, data, expected):
    wizard = env["realty.contract.import"].create({"file": base64.b64encode(data), "file_name": "legacy.xlsx"})
    wizard.action_import()
    if wizard.state != "done" or wizard.contract_count != expected:
        raise RuntimeError(f"the import did not create {expected} contracts: {wizard.summary}")
    return wizard.contract_ids


def run_baseline(env, rows, units):
    """The same records, created directly: one create() per model, values prepared in Python from known ids."""
    from odoo import Command, fields  # noqa: PLC0415

    from odoo.addons.realty_contract.wizard.realty_contract_import import IMPORT_CONTEXT  # noqa: PLC0415

    plans = {plan.name: plan for plan in env["realty.payment.plan"].search([("name", "in", list(PLANS))])}
    contracts_rows = [row for row in rows if "unit" in row]
    co_buyers = {row["legacy_ref"]: row for row in rows if "unit" not in row}
    people = list(rows)
    partners = (
        env["res.partner"].sudo().create([{"name": row["buyer_name"], "phone": row.get("phone")} for row in people])
    )
    partner_of = {row["id_number"]: partner.id for row, partner in zip(people, partners)}
    units._action_env().write({"state": "contracted"})
    reservations = (
        env["realty.reservation"]
        .with_context(**IMPORT_CONTEXT)
        ._action_env()
        .create(
            [
                {
                    "unit_id": unit.id,
                    "partner_id": partner_of[row["id_number"]],
                    "user_id": env.uid,
                    "payment_plan_id": plans[row["payment_plan"]].id,
                    "deposit_amount": row["deposit"],
                    "state": "converted",
                    "date_reservation": fields.Datetime.to_datetime(row["date_signed"]),
                }
                for row, unit in zip(contracts_rows, units)
            ]
        )
    )
    terms = [reservations._fields[name] for name in ("list_price", "plan_discount", "price")]
    with env.protecting(terms, reservations):
        for reservation, row, unit in zip(reservations, contracts_rows, units):
            reservation.write({"list_price": unit.total_price, "plan_discount": 0.0, "price": row["price"]})

    def buyers(row):
        lines = [row] + ([co_buyers[row["legacy_ref"]]] if row["legacy_ref"] in co_buyers else [])
        return [
            Command.create(
                {
                    "sequence": sequence,
                    "partner_id": partner_of[line["id_number"]],
                    "id_number": line["id_number"],
                    "phone": line.get("phone"),
                    "share": line["share"],
                    "is_main": line["is_main"] == "yes",
                }
            )
            for sequence, line in enumerate(lines, start=1)
        ]

    Contract = env["realty.contract"].with_context(**IMPORT_CONTEXT)._action_env()
    contracts = Contract.create(
        [
            Contract._prepare_unit_copy_values(unit)
            | {
                "legacy_ref": row["legacy_ref"],
                "reservation_id": reservation.id,
                "user_id": env.uid,
                "payment_plan_id": plans[row["payment_plan"]].id,
                "price": row["price"],
                "deposit_amount": row["deposit"],
                "state": row["state"],
                "date_signed": row["date_signed"],
                "registration_no": row["registration_no"] or False,
                "registration_date": row["registration_date"] or False,
                "date_delivered": row["date_delivered"] or False,
                "buyer_ids": buyers(row),
            }
            for row, unit, reservation in zip(contracts_rows, units, reservations)
        ]
    )
    env["realty.installment"]._action_env().create(
        [
            command[2] | {"contract_id": contract.id}
            for contract in contracts
            for command in contract._prepare_installment_commands()
        ]
    )
    contracts.filtered(lambda contract: contract.state == "delivered").unit_id._action_env().write(
        {"state": "delivered"}
    )
    return contracts


def rolled_back(env, func):
    """Run func in a savepoint that is rolled back: every run starts from the same available units."""

    def run():
        savepoint = env.cr.savepoint()
        try:
            result = func()
            env.cr.flush()  # the ORM and the precommit hooks (chatter tracking), as a commit would run them
            return len(result)
        finally:
            savepoint.close(rollback=True)

    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="timed rounds of one import and one direct create")
    parser.add_argument("--db", help="database to use and keep (default: $BENCH_DB, else a throwaway one)")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of one import")
    args = parser.parse_args()
    exit_on_sigterm()

    with bench_database("contract_import", args.db, modules=("realty_contract",)) as db, odoo_env(db) as env:
        say("Preparing 1,000 available units ...")
        units, manager = prepare(env)
        rows = contract_rows(units)
        data = xlsx_file(env, rows)
        say(f"The file: {len(units)} contracts in {len(rows)} rows, {len(data) // 1024} KiB")
        manager_env = env(user=manager.id, context=dict(env.context, tz="Asia/Shanghai"))
        units = units.with_env(manager_env)

        importing = rolled_back(manager_env, lambda: run_import(manager_env, data, len(units)))
        baseline = rolled_back(manager_env, lambda: run_baseline(manager_env, rows, units))
        cold = manager_env.invalidate_all
        rounds = [("import", importing), ("baseline", baseline)]
        # alternate the two, one run at a time, so that both see the same machine load; the ratio of each round
        # compares two runs made seconds apart, which the load of other processes disturbs less than best-of-N
        imported, direct, ratios = Measure("import"), Measure("baseline"), []
        for number in range(args.runs + 1):  # the first round warms up and is not kept
            say(f"Round {number} of {args.runs} ..." if number else "Warm-up round ...")
            runs = [measure(label, env.cr, func, runs=1, warmup=0, before=cold) for label, func in rounds]
            if number:
                for kept, run in zip((imported, direct), runs):
                    kept.times_ms += run.times_ms
                    kept.queries, kept.result = run.queries, run.result
                ratios.append(runs[0].best_ms / runs[1].best_ms)
        ratio = statistics.median(ratios)
        if args.profile:
            cold()
            say("cProfile of one import:")
            say(profile(importing))

        say()
        say(f"Import of {len(units)} legacy contracts ({len(rows)} rows) vs direct create(), best of {args.runs} runs")
        print_table(
            ["way", "contracts", "best ms", "median ms", "SQL"],
            [
                [
                    "import (xlsx)",
                    imported.result,
                    f"{imported.best_ms:.0f}",
                    f"{imported.median_ms:.0f}",
                    imported.queries,
                ],
                ["direct create()", direct.result, f"{direct.best_ms:.0f}", f"{direct.median_ms:.0f}", direct.queries],
            ],
        )
        say()
        say(
            f"Ratio of each round: {', '.join(f'{value:.2f}x' for value in ratios)}; of the best times: "
            f"{imported.best_ms / direct.best_ms:.2f}x"
        )
        say(
            f"Goal: import <= {MAX_RATIO}x the direct create (median of the rounds): {ratio:.2f}x {goal(ratio <= MAX_RATIO)}"
        )
        load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
        say(f"(load average at the end: {load}; the ratio drifts when other processes compete for the cores)")
        env.cr.rollback()
    return 0


if __name__ == "__main__":
    sys.exit(main())
