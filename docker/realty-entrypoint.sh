#!/bin/bash
# Entry point of the Realty CRM image. Writes $ODOO_RC (/etc/odoo/odoo.conf) from the repository's
# odoo.conf (/etc/odoo/realty.conf: copied at build time, mounted live by docker-compose.yml) plus the
# container's own settings, then hands over to the official image's /entrypoint.sh, which adds the
# database connection (HOST, PORT, USER, PASSWORD) and waits for PostgreSQL.
#
#   realty-serve [odoo options]  serve database $REALTY_DB (default realty); on first start it is
#                                created with every addon of /mnt/extra-addons and their demo data
#   odoo [options]               anything else, as with the official image
set -euo pipefail

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
    # -i only installs what is not installed yet, and demo data only goes into a new database.
    set -- odoo -d "${REALTY_DB:-realty}" -i "$addons" --with-demo "$@"
fi

exec /entrypoint.sh "$@"
