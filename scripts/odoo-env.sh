# shellcheck shell=bash
# Finds Odoo 19 and describes this repository's addons. Source it, don't run it:
#
#   source scripts/odoo-env.sh || exit 1
#
# Odoo is looked for, in this order:
#   1. $ODOO_SRC: an Odoo 19 source tree (the directory that holds odoo-bin);
#   2. the Odoo that `python3` imports (pip install, or a .pth pointing at a checkout);
#   3. the git-ignored cache .cache/odoo-19.0/ in this repository, downloaded on first use
#      from Odoo's official 19.0 source archive.
# If none works, it prints how to get Odoo 19 and returns 1.
#
# Exports:
#   REALTY_ROOT        this repository
#   ODOO_SRC           the Odoo source tree (may be empty for a pip install without odoo-bin)
#   ODOO_BIN           the command that runs Odoo, e.g. "python3 /path/odoo-bin" (word-split it)
#   ODOO_CONF          the committed server configuration, $REALTY_ROOT/odoo.conf
#   REALTY_ADDONS_DIR  the directory holding our addons ($REALTY_ROOT/addons; override for experiments)
#   REALTY_ADDONS      comma list of every addon in REALTY_ADDONS_DIR (directories with __manifest__.py)
#   ODOO_ADDONS_PATH   Odoo's addons directory + REALTY_ADDONS_DIR, for --addons-path
#
# Optional input: PYTHON (default python3), ODOO_SRC, REALTY_ADDONS_DIR, ODOO_ARCHIVE_URL (a mirror).

REALTY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
ODOO_CONF="$REALTY_ROOT/odoo.conf"
ODOO_ARCHIVE_URL="${ODOO_ARCHIVE_URL:-https://github.com/odoo/odoo/archive/refs/heads/19.0.tar.gz}"

_realty_fail() {
    cat >&2 <<EOF
ERROR: $1

Odoo 19 is needed. Any one of these works:
  * point ODOO_SRC at an Odoo 19 source tree:
      git clone --depth 1 -b 19.0 https://github.com/odoo/odoo.git ~/odoo19
      export ODOO_SRC=~/odoo19
  * make it importable by $PYTHON:
      pip install -e ~/odoo19        (or pip install <Odoo 19 source archive>)
  * let this script download it into $REALTY_ROOT/.cache/odoo-19.0/ (needs access to github.com)
Then install the Python dependencies: pip install -r $REALTY_ROOT/requirements.txt
EOF
}

# Prints the major version of the Odoo source tree $1 (reads odoo/release.py, imports nothing).
_realty_src_major() {
    "$PYTHON" - "$1" <<'EOF' 2>/dev/null
import os, sys
ns = {}
with open(os.path.join(sys.argv[1], 'odoo', 'release.py')) as f:
    exec(f.read(), ns)
print(ns['version_info'][0])
EOF
}

_realty_find_odoo() {
    local src major cache tmp

    # 1. explicit source tree
    if [ -n "${ODOO_SRC:-}" ]; then
        if [ ! -f "$ODOO_SRC/odoo-bin" ]; then
            _realty_fail "ODOO_SRC=$ODOO_SRC has no odoo-bin"
            return 1
        fi
        major="$(_realty_src_major "$ODOO_SRC")"
        if [ "$major" != "19" ]; then
            _realty_fail "ODOO_SRC=$ODOO_SRC is not Odoo 19 (found version '${major:-unknown}')"
            return 1
        fi
        ODOO_SRC="$(cd "$ODOO_SRC" && pwd)"
        ODOO_BIN="$PYTHON $ODOO_SRC/odoo-bin"
        return 0
    fi

    # 2. the Odoo that python3 imports
    if src="$("$PYTHON" -c 'import os, odoo.release as r
assert r.version_info[0] == 19, r.version_info
import odoo
print(os.path.dirname(odoo.__path__[0]))' 2>/dev/null)" && [ -n "$src" ]; then
        if [ -f "$src/odoo-bin" ]; then
            ODOO_SRC="$src"
            ODOO_BIN="$PYTHON $src/odoo-bin"
        else
            ODOO_SRC=""
            ODOO_BIN="$PYTHON -m odoo"
        fi
        return 0
    fi

    # 3. the repository's download cache
    cache="$REALTY_ROOT/.cache/odoo-19.0"
    if [ ! -f "$cache/odoo-bin" ]; then
        if ! command -v curl >/dev/null 2>&1; then
            _realty_fail "Odoo 19 is not importable by $PYTHON, ODOO_SRC is not set and curl is missing"
            return 1
        fi
        echo "Odoo 19 not found: downloading $ODOO_ARCHIVE_URL into $cache ..." >&2
        mkdir -p "$REALTY_ROOT/.cache"
        tmp="$(mktemp -d "$REALTY_ROOT/.cache/odoo-download.XXXXXX")"
        if curl -fsSL --connect-timeout 10 --max-time 900 -o "$tmp/odoo.tar.gz" "$ODOO_ARCHIVE_URL" \
            && tar -xzf "$tmp/odoo.tar.gz" --strip-components=1 -C "$tmp" && rm -f "$tmp/odoo.tar.gz" \
            && [ -f "$tmp/odoo-bin" ]; then
            rm -rf "$cache"
            mv "$tmp" "$cache"
        else
            rm -rf "$tmp"
            _realty_fail "Odoo 19 is not importable by $PYTHON, ODOO_SRC is not set, and downloading $ODOO_ARCHIVE_URL failed"
            return 1
        fi
    fi
    major="$(_realty_src_major "$cache")"
    if [ "$major" != "19" ]; then
        _realty_fail "$cache is not Odoo 19 (found version '${major:-unknown}'); delete it and retry"
        return 1
    fi
    ODOO_SRC="$cache"
    ODOO_BIN="$PYTHON $cache/odoo-bin"
    return 0
}

_realty_find_odoo || return 1

REALTY_ADDONS_DIR="${REALTY_ADDONS_DIR:-$REALTY_ROOT/addons}"
REALTY_ADDONS=""
if [ -d "$REALTY_ADDONS_DIR" ]; then
    REALTY_ADDONS_DIR="$(cd "$REALTY_ADDONS_DIR" && pwd)"
    for _realty_manifest in "$REALTY_ADDONS_DIR"/*/__manifest__.py; do
        [ -f "$_realty_manifest" ] || continue
        _realty_name="$(basename "$(dirname "$_realty_manifest")")"
        REALTY_ADDONS="${REALTY_ADDONS:+$REALTY_ADDONS,}$_realty_name"
    done
    unset _realty_manifest _realty_name
fi

# Odoo's own odoo/addons (base & co) is always on the path; the community addons live in <src>/addons.
ODOO_ADDONS_PATH=""
if [ -n "$ODOO_SRC" ] && [ -d "$ODOO_SRC/addons" ]; then
    ODOO_ADDONS_PATH="$ODOO_SRC/addons"
fi
# Odoo warns about (and skips) an addons directory without any addon in it, so add ours only when it has one.
if [ -n "$REALTY_ADDONS" ]; then
    ODOO_ADDONS_PATH="${ODOO_ADDONS_PATH:+$ODOO_ADDONS_PATH,}$REALTY_ADDONS_DIR"
fi

export REALTY_ROOT ODOO_SRC ODOO_BIN ODOO_CONF REALTY_ADDONS_DIR REALTY_ADDONS ODOO_ADDONS_PATH
