#!/usr/bin/env bash
# `make i18n`: (re)export addons/<addon>/i18n/zh_CN.po for every realty addon.
# Installs the addons into a throwaway database, loads zh_CN (which also loads each addon's current
# zh_CN.po, so existing translations are kept), exports, and drops the database.
# Environment: REALTY_I18N_LANG (default zh_CN), plus those of scripts/odoo-env.sh.
set -euo pipefail

cd "$(dirname "$0")/.."
# shellcheck source=scripts/odoo-env.sh
source scripts/odoo-env.sh || exit 1
if [ -z "$REALTY_ADDONS" ]; then
    echo "ERROR: no addon (directory with __manifest__.py) in $REALTY_ADDONS_DIR" >&2
    exit 1
fi
LANG_CODE="${REALTY_I18N_LANG:-zh_CN}"
DB="realty_i18n_$$"
# shellcheck disable=SC2206  # ODOO_BIN is a command line, word-split on purpose
bin=($ODOO_BIN)

cleanup() { "${bin[@]}" db -c "$ODOO_CONF" drop "$DB" >/dev/null 2>&1 || true; }
trap cleanup EXIT

echo "Installing $REALTY_ADDONS into throwaway database $DB ..."
"${bin[@]}" -c "$ODOO_CONF" --addons-path="$ODOO_ADDONS_PATH" -d "$DB" -i "$REALTY_ADDONS" \
    --stop-after-init --no-http --log-level=warn
echo "Loading $LANG_CODE ..."
"${bin[@]}" --addons-path="$ODOO_ADDONS_PATH" i18n loadlang -c "$ODOO_CONF" -d "$DB" -l "$LANG_CODE"
# the export empties code terms the database does not hold: keep the current files to give them back
previous="$(mktemp -d)"
trap 'cleanup; rm -rf "$previous"' EXIT
for addon in ${REALTY_ADDONS//,/ }; do
    po="$REALTY_ADDONS_DIR/$addon/i18n/$LANG_CODE.po"
    [ -f "$po" ] && cp "$po" "$previous/$addon.po"
done
echo "Exporting $LANG_CODE for $REALTY_ADDONS ..."
# shellcheck disable=SC2086  # one argument per addon
"${bin[@]}" --addons-path="$ODOO_ADDONS_PATH" i18n export -c "$ODOO_CONF" -d "$DB" ${REALTY_ADDONS//,/ } -l "$LANG_CODE"
for addon in ${REALTY_ADDONS//,/ }; do
    po="$REALTY_ADDONS_DIR/$addon/i18n/$LANG_CODE.po"
    if [ -f "$po" ]; then
        echo "  $po"
        if [ -f "$previous/$addon.po" ]; then
            "$PYTHON" scripts/i18n_keep.py "$previous/$addon.po" "$po"
        fi
    else
        echo "  $addon: no $LANG_CODE.po written (no translatable terms?)"
    fi
done
