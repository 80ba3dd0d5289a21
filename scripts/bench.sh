#!/usr/bin/env bash
# `make bench`: run every bench/*.py (but the _helpers) in turn (see bench/README.md); fails if any of them fails.
# Each script gets ODOO_BIN, ODOO_CONF, ODOO_ADDONS_PATH and REALTY_ADDONS from scripts/odoo-env.sh.
set -euo pipefail

cd "$(dirname "$0")/.."
# shellcheck source=scripts/odoo-env.sh
source scripts/odoo-env.sh || exit 1
PYTHON="${PYTHON:-python3}"

shopt -s nullglob
scripts=()
for script in bench/*.py; do
    [[ "$(basename "$script")" == _* ]] || scripts+=("$script")  # _common.py etc. are helpers
done
if [ ${#scripts[@]} -eq 0 ]; then
    echo "No benchmark yet (bench/*.py)."
    exit 0
fi
failed=0
for script in "${scripts[@]}"; do
    echo "==== $script"
    if ! "$PYTHON" "$script"; then
        echo "FAILED: $script" >&2
        failed=$((failed + 1))
    fi
done
echo "${#scripts[@]} benchmark(s) run, $failed failed"
[ "$failed" -eq 0 ]
