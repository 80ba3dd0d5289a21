#!/bin/bash
# Operator commands of the production deployment. docker-compose.prod.yml mounts this file at
# /usr/local/bin/realty-prod in its one-shot service `odoo-init` (same image as the replicas); they run after
# realty-entrypoint.sh has written /etc/odoo/odoo.conf from docker/odoo.prod.conf. See docs/deployment.md.
#
#   realty-prod init               create database $REALTY_DB (no demo data, 简体中文, user admin's password
#                                  from $REALTY_ADMIN_PASSWORD) with every addon of /mnt/extra-addons, or install
#                                  the addons added since; the Odoo replicas start only after it succeeded
#   realty-prod update MODULES     upgrade modules (comma-separated, or "all") after a new image; stop the
#                                  replicas first
#   realty-prod backup [DB]        a manual backup (zip with filestore) into $REALTY_BACKUP_DIR, recorded in the
#                                  database's Backups list (realty_admin), as `make backup` does
#   realty-prod restore FILE DB    restore a backup into the NEW database DB, as `make restore` does
set -euo pipefail

DB="${REALTY_DB:-realty}"
SHARE=/usr/local/share/realty

# The connection the official /entrypoint.sh gives Odoo (same defaults), for the clients and scripts below.
export PGHOST="${HOST:-db}" PGPORT="${PORT:-5432}" PGUSER="${USER:-odoo}" PGPASSWORD="${PASSWORD:-odoo}"
# Odoo 19 reads its options from ODOO_<OPTION> environment variables too: for backup_cli.py.
export ODOO_DB_HOST="$PGHOST" ODOO_DB_PORT="$PGPORT" ODOO_DB_USER="$PGUSER" ODOO_DB_PASSWORD="$PGPASSWORD"

odoo_run() {
    /entrypoint.sh odoo "$@"
}

all_addons() {
    local addons="" manifest
    for manifest in /mnt/extra-addons/*/__manifest__.py; do
        [ -f "$manifest" ] || continue
        addons="${addons:+$addons,}$(basename "$(dirname "$manifest")")"
    done
    [ -n "$addons" ] || { echo "realty-prod: no addon in /mnt/extra-addons" >&2; exit 1; }
    echo "$addons"
}

database_exists() {
    local answer
    for _ in $(seq 1 30); do
        pg_isready -q -d postgres && break
        sleep 1
    done
    answer="$(psql -d postgres -Atqc "SELECT 1 FROM pg_database WHERE datname = '$1'")" || {
        echo "realty-prod: cannot ask PostgreSQL whether database $1 exists (see above)" >&2
        exit 1
    }
    [ "$answer" = "1" ]
}

# A new database: every addon without demo data, zh_CN for every user, admin's own password. A failure drops
# the half-made database, so that the next `init` starts from scratch.
create_database() {
    local addons
    addons="$(all_addons)"
    if [ -z "${REALTY_ADMIN_PASSWORD:-}" ]; then
        echo "realty-prod: set REALTY_ADMIN_PASSWORD (the password of user admin in the new database $DB)" >&2
        exit 1
    fi
    echo "realty-prod: creating database $DB (no demo data, 简体中文): installing $addons ..."
    if ! odoo_run -d "$DB" -i "$addons" --load-language=zh_CN --stop-after-init --no-http \
        || ! { cat "$SHARE/demo_language.py"; echo 'import os'
               echo 'env.ref("base.user_admin").password = os.environ["REALTY_ADMIN_PASSWORD"]'
               echo 'env.cr.commit()'; } | odoo_run shell -d "$DB" --no-http --log-level=warn
    then
        echo "realty-prod: creating $DB failed; dropping the half-made database" >&2
        dropdb --if-exists "$DB" || true
        rm -rf "/var/lib/odoo/filestore/$DB"
        exit 1
    fi
}

case "${1:-}" in
    init)
        if database_exists "$DB"; then
            # -i installs only the addons not installed yet (those added since the last init)
            odoo_run -d "$DB" -i "$(all_addons)" --stop-after-init --no-http
        else
            create_database
        fi
        ;;
    update)
        [ -n "${2:-}" ] || { echo "usage: realty-prod update MODULE,...|all" >&2; exit 2; }
        odoo_run -d "$DB" -u "$2" --stop-after-init --no-http
        ;;
    backup)
        exec python3 "$SHARE/backup_cli.py" -c "$ODOO_RC" --log-level=warn backup "${2:-$DB}"
        ;;
    restore)
        [ -n "${2:-}" ] && [ -n "${3:-}" ] || { echo "usage: realty-prod restore FILE NEW_DB" >&2; exit 2; }
        exec python3 "$SHARE/backup_cli.py" -c "$ODOO_RC" --log-level=warn restore "$2" "$3"
        ;;
    *)
        sed -n '5,13s/^# \{0,1\}//p' "$0" >&2
        exit 2
        ;;
esac
