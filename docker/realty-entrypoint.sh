#!/bin/bash
# Entry point of the Realty CRM image. Writes $ODOO_RC (/etc/odoo/odoo.conf) from the repository's
# odoo.conf (/etc/odoo/realty.conf: copied at build time, mounted live by docker-compose.yml) plus the
# container's own settings, then hands over to the official image's /entrypoint.sh, which adds the
# database connection (HOST, PORT, USER, PASSWORD) and waits for PostgreSQL.
#
#   realty-serve [odoo options]  serve database $REALTY_DB (default realty); on first start it is
#                                created with every addon of /mnt/extra-addons and their demo data, in
#                                Simplified Chinese: zh_CN loaded and set on every user (demo_language.py)
#   odoo [options]               anything else, as with the official image
set -euo pipefail

# Runs a PostgreSQL client (psql, dropdb, pg_isready) with the connection the official /entrypoint.sh gives
# Odoo: the PG* variables win, then HOST/PORT/USER/PASSWORD(_FILE), then its defaults.
pg() {
    local password="${PASSWORD:-}"
    [ -n "${PASSWORD_FILE:-}" ] && password="$(<"$PASSWORD_FILE")"
    PGHOST="${PGHOST:-${HOST:-${DB_PORT_5432_TCP_ADDR:-db}}}" \
        PGPORT="${PGPORT:-${PORT:-${DB_PORT_5432_TCP_PORT:-5432}}}" \
        PGUSER="${PGUSER:-${USER:-${DB_ENV_POSTGRES_USER:-${POSTGRES_USER:-odoo}}}}" \
        PGPASSWORD="${PGPASSWORD:-${password:-${DB_ENV_POSTGRES_PASSWORD:-${POSTGRES_PASSWORD:-odoo}}}}" \
        "$@"
}

database_exists() {
    local answer
    for _ in $(seq 1 30); do
        pg pg_isready -q -d postgres && break
        sleep 1
    done
    answer="$(pg psql -d postgres -Atqc "SELECT 1 FROM pg_database WHERE datname = '$1'")" || {
        echo "realty-serve: cannot ask PostgreSQL whether database $1 exists (see above)" >&2
        exit 1
    }
    [ "$answer" = "1" ]
}

# First start: install with demo data and zh_CN, then make every user speak it. A failure drops the
# half-made database, so that the next start tries again from scratch.
create_database() {
    local db=$1 addons=$2
    echo "realty-serve: creating database $db with demo data in 简体中文: installing $addons ..."
    if ! /entrypoint.sh odoo -d "$db" -i "$addons" --with-demo --load-language=zh_CN --stop-after-init --no-http \
        || ! /entrypoint.sh odoo shell -d "$db" --no-http --log-level=warn </usr/local/share/realty/demo_language.py
    then
        echo "realty-serve: creating $db failed; dropping the half-made database" >&2
        pg dropdb --if-exists "$db" || true
        rm -rf "/var/lib/odoo/filestore/$db"
        exit 1
    fi
}

{
    grep -v -E '^\s*(http_interface|addons_path|data_dir)\s*=' /etc/odoo/realty.conf
    echo "; set by realty-entrypoint.sh for the container"
    echo "http_interface = 0.0.0.0"
    echo "addons_path = /mnt/extra-addons"
    echo "data_dir = /var/lib/odoo"
} > "$ODOO_RC"

if [ "${1:-}" = "realty-serve" ]; then
    shift
    addons=""
    for manifest in /mnt/extra-addons/*/__manifest__.py; do
        [ -f "$manifest" ] || continue
        addons="${addons:+$addons,}$(basename "$(dirname "$manifest")")"
    done
    if [ -z "$addons" ]; then
        echo "realty-serve: no addon in /mnt/extra-addons (is ./addons mounted?)" >&2
        exit 1
    fi
    db="${REALTY_DB:-realty}"
    database_exists "$db" || create_database "$db" "$addons"
    # -i installs the addons added since (demo data only goes into a database that has it).
    set -- odoo -d "$db" -i "$addons" --with-demo "$@"
fi

exec /entrypoint.sh "$@"
