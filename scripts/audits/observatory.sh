#!/usr/bin/env bash
# Grades the production server's security headers with the MDN HTTP Observatory, over real HTTPS.
#
# Starts, all on 127.0.0.1 and all stopped again at the end:
#   - gunicorn with production settings and TLS (a throwaway CA and certificate made here with openssl),
#     on a SQLite database of its own with the seed content (or DATABASE_URL if set);
#   - a plain-HTTP server that redirects every request to HTTPS, as the front proxy does in production;
# then scans each page (default: /, /en/ and the admin's sign-in page) with the Observatory's own tests
# through scripts/audits/observatory-scan.mjs and prints grade and score. Exits 1 if any page grades below
# MIN_GRADE (A+ unless set).
#
# Needs node >= 20, npm and openssl. The Observatory package is installed once into OBSERVATORY_DIR.
# Usage: scripts/audits/observatory.sh [PATH ...]      (make observatory)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
PY=${PY:-$ROOT/.venv/bin/python}
GUNICORN=$(dirname "$PY")/gunicorn
OBSERVATORY_DIR=${OBSERVATORY_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/iad-observatory}
MIN_GRADE=${MIN_GRADE:-A+}
export OBSERVATORY_DIR

# The Observatory, without its install scripts (they download lists from the internet); an empty HSTS
# preload list stands in for the downloaded one.
PACKAGE="$OBSERVATORY_DIR/node_modules/@mdn/mdn-http-observatory"
if [ ! -f "$PACKAGE/package.json" ]; then
  echo "Installing the MDN HTTP Observatory into $OBSERVATORY_DIR ..."
  mkdir -p "$OBSERVATORY_DIR"
  [ -f "$OBSERVATORY_DIR/package.json" ] || echo '{"private": true}' >"$OBSERVATORY_DIR/package.json"
  (cd "$OBSERVATORY_DIR" && npm install --ignore-scripts --no-audit --no-fund --silent @mdn/mdn-http-observatory@1.4.8)
fi
[ -s "$PACKAGE/conf/hsts-preload.json" ] || echo '{}' >"$PACKAGE/conf/hsts-preload.json"

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
HTTP_PORT=${HTTP_PORT:-$(free_port)}
HTTPS_PORT=${HTTPS_PORT:-$(free_port)}

# A throwaway certificate authority, and a certificate it signs for 127.0.0.1 and localhost.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=IAD throwaway test CA" \
  -keyout "$WORK/ca.key" -out "$WORK/ca.pem" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout "$WORK/server.key" -out "$WORK/server.csr" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' >"$WORK/ext.cnf"
openssl x509 -req -in "$WORK/server.csr" -CA "$WORK/ca.pem" -CAkey "$WORK/ca.key" -CAcreateserial -days 2 \
  -extfile "$WORK/ext.cnf" -out "$WORK/server.pem" 2>/dev/null

export DJANGO_SETTINGS_MODULE=iad_site.settings.prod
export SECRET_KEY
SECRET_KEY=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')
export ALLOWED_HOSTS=127.0.0.1,localhost
export DATABASE_URL=${DATABASE_URL:-sqlite:///$WORK/db.sqlite3}
export STATIC_ROOT=$WORK/static MEDIA_ROOT=$WORK/media
ADMIN_URL=$("$PY" -c 'from django.conf import settings; print(settings.ADMIN_URL)')

"$PY" manage.py compilemessages --ignore=.venv -v0
"$PY" manage.py migrate --noinput -v0
"$PY" manage.py seed -v0
"$PY" manage.py collectstatic --noinput -v0

"$GUNICORN" iad_site.wsgi --workers 2 --bind "127.0.0.1:$HTTPS_PORT" --no-control-socket \
  --certfile "$WORK/server.pem" --keyfile "$WORK/server.key" --log-level warning 2>"$WORK/server.log" &
PIDS+=($!)

# The front proxy's plain-HTTP side: everything moves to HTTPS, same path.
"$PY" - "$HTTP_PORT" "$HTTPS_PORT" <<'PYTHON' &
import http.server
import sys

http_port, https_port = int(sys.argv[1]), sys.argv[2]


class Redirect(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(301)
        self.send_header("Location", f"https://127.0.0.1:{https_port}{self.path}")
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = do_OPTIONS = do_GET

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", http_port), Redirect).serve_forever()
PYTHON
PIDS+=($!)

for _ in $(seq 1 100); do
  curl -s -o /dev/null --cacert "$WORK/ca.pem" "https://127.0.0.1:$HTTPS_PORT/health/" && break
  sleep 0.2
done

if [ $# -eq 0 ]; then set -- / /en/ "/${ADMIN_URL}login/"; fi
export NODE_EXTRA_CA_CERTS=$WORK/ca.pem
status=0
printf '\n%-22s %-6s %-6s %s\n' "page" "grade" "score" "tests passed"
for page in "$@"; do
  node scripts/audits/observatory-scan.mjs 127.0.0.1 "$HTTP_PORT" "$HTTPS_PORT" "$page" >"$WORK/result.json" || true
  "$PY" - "$WORK/result.json" "$MIN_GRADE" <<'PYTHON' || status=1
import json
import sys

result = json.load(open(sys.argv[1]))
order = ["A+", "A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D+", "D", "D-", "F"]
if "error" in result:
    print(f"error: {result['error']}")
    sys.exit(1)
print(f"{result['path']:<22} {result['grade']:<6} {result['score']:<6} {result['testsPassed']}/{result['testsQuantity']}")
for name, test in result["tests"].items():
    if not test["pass"] or test["scoreModifier"]:
        print(f"    {name}: {test['result']} ({test['scoreModifier']:+d})")
sys.exit(0 if order.index(result["grade"]) <= order.index(sys.argv[2]) else 1)
PYTHON
done
exit $status
