#!/usr/bin/env bash
# `make run`: serve Realty CRM at http://127.0.0.1:$REALTY_HTTP_PORT (default 8069), log in as admin/admin.
# On first use it creates database $REALTY_DB (default "realty") with every realty addon and its demo data, in
# Simplified Chinese: zh_CN is loaded and set on every user (scripts/demo_language.py); English stays one
# choice away in each user's preferences.
# Environment: REALTY_DB, REALTY_HTTP_PORT, ODOO_SRC (see scripts/odoo-env.sh), PYTHON;
# REALTY_CREATE_ONLY=1 creates the database if it is missing and stops instead of serving (tests use it).
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
    echo "Database '$DB' exists (to start over: $ODOO_BIN db -c odoo.conf drop $DB)."
else
    echo "Creating database '$DB' with demo data in 简体中文: installing $REALTY_ADDONS ..."
    # shellcheck disable=SC2086  # ODOO_BIN is a command line, word-split on purpose
    if ! "${odoo[@]}" -d "$DB" -i "$REALTY_ADDONS" --with-demo --load-language=zh_CN --stop-after-init --no-http \
        || ! $ODOO_BIN shell -c "$ODOO_CONF" --addons-path="$ODOO_ADDONS_PATH" -d "$DB" --no-http \
            --log-level=warn <scripts/demo_language.py; then
        echo "ERROR: creating '$DB' failed; dropping the half-made database." >&2
        # shellcheck disable=SC2086
        $ODOO_BIN db -c "$ODOO_CONF" drop "$DB" >/dev/null 2>&1 || true
        exit 1
    fi
fi

if [ "${REALTY_CREATE_ONLY:-0}" != "0" ]; then
    echo "Database '$DB' is ready (REALTY_CREATE_ONLY: not serving it)."
    exit 0
fi
echo "Realty CRM: http://127.0.0.1:$PORT/odoo  (login admin / password admin)"
exec "${odoo[@]}" -d "$DB" --db-filter="^${DB}\$" --http-port="$PORT" "$@"
