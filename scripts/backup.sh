#!/usr/bin/env bash
# `make backup [DB=realty]`: a manual backup of database DB (default $REALTY_DB or "realty"), recorded in its
# Backups list, written to the backup directory (system parameter realty_admin.backup_dir, else the server option
# realty_backup_dir, else <data_dir>/backups/<db>). Prints the file, its size and SHA-256.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/odoo-env.sh
source scripts/odoo-env.sh || exit 1
DB="${1:-${REALTY_DB:-realty}}"
PYTHONPATH="${ODOO_SRC:+$ODOO_SRC:}${PYTHONPATH:-}" exec "$PYTHON" scripts/backup_cli.py \
    -c "$ODOO_CONF" --addons-path="$ODOO_ADDONS_PATH" --log-level=warn backup "$DB"
