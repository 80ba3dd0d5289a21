#!/usr/bin/env bash
# `make run`: serve Realty CRM at http://127.0.0.1:$REALTY_HTTP_PORT (default 8069), log in as admin/admin.
# On first use it creates database $REALTY_DB (default "realty") with every realty addon and its demo data.
# Environment: REALTY_DB, REALTY_HTTP_PORT, ODOO_SRC (see scripts/odoo-env.sh), PYTHON.
# Extra arguments are passed to Odoo, e.g. `scripts/run.sh --dev=xml` (or `make run ARGS=--dev=xml`).
set -euo pipefail

cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
DB="${REALTY_DB:-realty}"
PORT="${REALTY_HTTP_PORT:-8069}"

# Python dependencies: a quick import check, pip only when something is missing.
if ! "$PYTHON" -c 'import psycopg2, lxml, werkzeug, PIL, reportlab, babel, passlib, cn2an, websocket' 2>/dev/null; then
    echo "Installing Python dependencies (requirements.txt) ..."
    "$PYTHON" -m pip install -q -r requirements.txt
fi

# shellcheck source=scripts/odoo-env.sh
source scripts/odoo-env.sh || exit 1
if [ -z "$REALTY_ADDONS" ]; then
    echo "ERROR: no addon (directory with __manifest__.py) in $REALTY_ADDONS_DIR" >&2
    exit 1
fi

# shellcheck disable=SC2206  # ODOO_BIN is a command line, word-split on purpose
odoo=($ODOO_BIN -c "$ODOO_CONF" --addons-path="$ODOO_ADDONS_PATH")

if psql -d postgres -Atqc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
    echo "Database '$DB' exists: serving it (to start over: $ODOO_BIN db -c odoo.conf drop $DB)."
else
    echo "Creating database '$DB' with demo data: installing $REALTY_ADDONS ..."
    if ! "${odoo[@]}" -d "$DB" -i "$REALTY_ADDONS" --with-demo --stop-after-init --no-http; then
        echo "ERROR: installing $REALTY_ADDONS failed; dropping the half-made database '$DB'." >&2
        # shellcheck disable=SC2086
        $ODOO_BIN db -c "$ODOO_CONF" drop "$DB" >/dev/null 2>&1 || true
        exit 1
    fi
fi

echo "Realty CRM: http://127.0.0.1:$PORT/odoo  (login admin / password admin)"
exec "${odoo[@]}" -d "$DB" --db-filter="^${DB}\$" --http-port="$PORT" "$@"
