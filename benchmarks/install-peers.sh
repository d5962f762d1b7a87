#!/bin/sh
# Install what benchmarks/peers.py measures headerscope against (run as root, from the repo).
#
#   apt: guile-3.0-dev (its examples/web/hello.scm and debug-sxml.scm), nginx, wrk, valgrind,
#        nghttp2-client (h2load, the load for --protocols h2c,h2)
#   pip: gunicorn, uvicorn, hypercorn (the HTTP/2 Python peer), httpbin, werkzeug, into .venv
#
# Already-present tools are left alone; a package the system cannot provide is reported and
# skipped, and peers.py then skips that peer with a message instead of failing.
set -u
cd "$(dirname "$0")/.."
PIP="${PIP:-.venv/bin/pip}"

missing=""
command -v guile-3.0 >/dev/null 2>&1 && [ -d /usr/share/doc/guile-3.0-dev/examples ] \
    || missing="$missing guile-3.0-dev"
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing="$missing nginx"
command -v wrk >/dev/null 2>&1 || missing="$missing wrk"
command -v valgrind >/dev/null 2>&1 || missing="$missing valgrind"
command -v h2load >/dev/null 2>&1 || missing="$missing nghttp2-client"

if [ -n "$missing" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "install-peers: run as root to install:$missing" >&2
    else
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -q || echo "install-peers: apt-get update failed" >&2
        for package in $missing; do
            # One at a time, so one unavailable package does not stop the others.
            apt-get install -y -q --no-install-recommends "$package" \
                || echo "install-peers: could not install $package; its peer will be skipped" >&2
        done
    fi
fi
# Debian starts nginx on port 80 when it is installed; the benchmark runs its own instance.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet nginx 2>/dev/null; then
    systemctl stop nginx || true
fi

if [ -x "$PIP" ]; then
    "$PIP" install -q gunicorn uvicorn hypercorn httpbin werkzeug \
        || echo "install-peers: pip install failed; the Python peers may be skipped" >&2
else
    echo "install-peers: no $PIP; create the virtualenv first (python3 -m venv .venv)" >&2
fi
echo "install-peers: done"
