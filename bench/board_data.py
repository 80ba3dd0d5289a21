#!/usr/bin/env python3
"""Sales-board data: `realty.project.get_sales_board_data()` against a plain `search_read` of the same units.

Two cases: one building of 40 floors x 8 positions (320 units), and a project of 20 such buildings
(6,400 units). Each call runs as a salesperson with a cold ORM cache (env.invalidate_all() before every run);
the baseline reads the same units with the same fields (`realty.unit._board_field_names()`) in the same run.

Goals (issue): board time <= 1.5 x the baseline, and <= 10 SQL queries. The script reports; it always exits 0
unless it could not run at all.

    python3 bench/board_data.py [--runs 10] [--show-queries] [--profile]
"""

from __future__ import annotations

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _common import bench_database, capture_queries, exit_on_sigterm, goal, measure, odoo_env, print_table, profile, say  # noqa: E402

FLOORS, POSITIONS = 40, 8
CASES = [("1 building 40x8", 1), ("20 buildings 40x8", 20)]  # (label, buildings)
MAX_RATIO, MAX_QUERIES = 1.5, 10
LAYOUTS = [  # name, bedrooms, gross area, inner area
    ("A 2-bed", 2, 89.0, 72.0),
    ("B 3-bed", 3, 118.0, 95.0),
    ("C 3-bed", 3, 128.0, 104.0),
    ("D 4-bed", 4, 143.0, 116.0),
]


def salesperson(env):
    login = "bench_board_salesperson"
    user = env["res.users"].with_context(active_test=False).search([("login", "=", login)])
    return user or env["res.users"].create(
        {
            "name": "Bench Board Salesperson",
            "login": login,
            "group_ids": [(4, env.ref("realty_base.group_realty_salesperson").id)],
        }
    )


def make_project(env, name, buildings):
    """A project of `buildings` buildings of FLOORS x POSITIONS units (reused when it already exists)."""
    project = env["realty.project"].search([("name", "=", name)], limit=1)
    if project:
        return project
    project = env["realty.project"].create({"name": name})
    layouts = env["realty.layout"].create(
        [
            {"project_id": project.id, "name": n, "bedrooms": bed, "gross_area": gross, "inner_area": inner}
            for n, bed, gross, inner in LAYOUTS
        ]
    )
    for number in range(1, buildings + 1):
        building = env["realty.building"].create(
            {
                "project_id": project.id,
                "name": f"Building {number}",
                "code": str(number),
                "floor_count": FLOORS,
                "position_count": POSITIONS,
            }
        )
        vals_list, states = [], []
        for floor in range(1, FLOORS + 1):
            for position in range(1, POSITIONS + 1):
                layout = layouts[(position - 1) % len(layouts)]
                index = floor * POSITIONS + position
                vals_list.append(
                    {
                        "floor": floor,
                        "position": position,
                        "layout_id": layout.id,
                        "gross_area": layout.gross_area,
                        "inner_area": layout.inner_area,
                        "orientation": "south" if position % 2 else "north",
                        "unit_price": 20000.0 + 150.0 * floor + 500.0 * (position % 3),
                    }
                )
                # a board in mid-sale: mostly available, some withheld, the top floors not released yet
                states.append("draft" if floor > 35 else ("held" if index % 10 == 0 else "available"))
        units = building._create_units(vals_list)
        for state in ("available", "held"):  # the state is written only by actions: set it as one would
            chosen = units.browse(
                [unit.id for unit, unit_state in zip(units, states, strict=True) if unit_state == state]
            )
            chosen._action_env().write({"state": state})
    env.cr.commit()
    return project


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="timed runs per measure (best is kept)")
    parser.add_argument("--db", help="database to use and keep (default: $BENCH_DB, else a throwaway one)")
    parser.add_argument("--show-queries", action="store_true", help="print the SQL queries of one board call")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of one board call per case")
    args = parser.parse_args()
    exit_on_sigterm()

    with bench_database("board", args.db) as db, odoo_env(db) as env:
        user = salesperson(env)
        env.cr.commit()
        rows, verdicts = [], []
        for label, buildings in CASES:
            say(f"Preparing {label} ...")
            project = make_project(env, f"Bench Board {buildings}x{FLOORS}x{POSITIONS}", buildings)
            sales_env = env(user=user.id)
            project = project.with_env(sales_env)
            units = sales_env["realty.unit"]
            fields = units._board_field_names()
            domain = [("project_id", "=", project.id)]
            cold = sales_env.invalidate_all

            # interleave the two measures so that both see the same machine load
            board = measure("board", env.cr, project.get_sales_board_data, runs=args.runs, before=cold)

            def baseline(units=units, domain=domain, fields=fields):
                return units.search_read(domain, fields)

            base = measure("baseline", env.cr, baseline, runs=args.runs, before=cold)
            board2 = measure("board", env.cr, project.get_sales_board_data, runs=args.runs, before=cold)
            if board2.best_ms < board.best_ms:
                board = board2
            count = len(board.result["units"]["rows"])
            if count != len(base.result):
                say(f"WARNING: the board has {count} units, the baseline read {len(base.result)}")
            ratio = board.best_ms / base.best_ms
            queries = board.queries
            rows.append(
                [label, count, f"{board.best_ms:.1f}", f"{base.best_ms:.1f}", f"{ratio:.2f}x", queries, base.queries]
            )
            verdicts.append(
                f"{label}: ratio {ratio:.2f}x <= {MAX_RATIO}x {goal(ratio <= MAX_RATIO)}; "
                f"{queries} queries <= {MAX_QUERIES} {goal(queries <= MAX_QUERIES)}"
            )
            if args.show_queries:
                cold()
                with capture_queries(env.cr) as captured:
                    project.get_sales_board_data()
                say(f"SQL queries of one cold board call ({label}):")
                for number, (sql, ms) in enumerate(captured, 1):
                    say(f"  {number:2d}. {ms:7.2f} ms  {sql[:300]}")
            if args.profile:
                cold()
                say(f"cProfile of one cold board call ({label}):")
                say(profile(project.get_sales_board_data))
            env.cr.rollback()  # nothing to keep from the measures

        say()
        say(
            f"Sales board data vs search_read of the same units (salesperson, cold cache, best of {2 * args.runs} board runs and {args.runs} baseline runs)"
        )
        print_table(
            ["case", "units", "board ms", "baseline ms", "ratio", "board SQL", "baseline SQL"],
            rows,
        )
        say()
        say(f"Goals: ratio <= {MAX_RATIO}x, board SQL queries <= {MAX_QUERIES}")
        for line in verdicts:
            say(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
