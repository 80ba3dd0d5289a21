#!/usr/bin/env bash
# `make restore FILE=path/to/backup.zip DB=new_name`: restore a backup (Odoo's zip dump with filestore) into the
# NEW database DB. The file and the name are checked first (an existing database is never overwritten) and a failed
# restore drops what it created. Then it prints how to switch over.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ne 2 ] || [ -z "$1" ] || [ -z "$2" ]; then
    echo "usage: make restore FILE=path/to/backup.zip DB=new_database" >&2
    exit 2
fi
# shellcheck source=scripts/odoo-env.sh
source scripts/odoo-env.sh || exit 1
PYTHONPATH="${ODOO_SRC:+$ODOO_SRC:}${PYTHONPATH:-}" exec "$PYTHON" scripts/backup_cli.py \
    -c "$ODOO_CONF" --addons-path="$ODOO_ADDONS_PATH" --log-level=warn restore "$1" "$2"
