#!/usr/bin/env bash
# Starts ./outlay demo on a fresh data dir and port, waits for readiness, checks /api/v1/me with a demo token.
set -euo pipefail
cd "$(dirname "$0")/.."
export OUTLAY_DATA_DIR="$(mktemp -d)/data"
# A free port of our own: a fixed one may be served by another process, and the checks below would talk to it.
free_port() {
  for _ in $(seq 1 50); do
    p=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo 18080
}
PORT="${SMOKE_PORT:-$(free_port)}"
LOG="$(mktemp)"
JAVA_OPTS="-Dquarkus.http.port=$PORT" ./outlay demo >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  if [ -f "$OUTLAY_DATA_DIR/keys/jwt-private.pem" ] && curl -fsS "http://localhost:$PORT/q/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 $PID 2>/dev/null; then cat "$LOG"; echo "smoke: service exited"; exit 1; fi
  sleep 1
done
curl -fsS "http://localhost:$PORT/q/health/ready" | grep -q '"status": "UP"' || { cat "$LOG"; echo "smoke: not ready"; exit 1; }
TOKEN="$(./outlay token --tenant demo --role finops_admin)"
ME="$(curl -fsS -H "Authorization: Bearer $TOKEN" "http://localhost:$PORT/api/v1/me")"
echo "smoke: /api/v1/me -> $ME"
echo "$ME" | grep -q '"tenant":"demo"' || { echo "smoke: unexpected /me answer"; exit 1; }
# The served API document, linted by an outside tool (redocly, recommended rules): any error fails.
bash .ci/openapi-lint.sh "http://localhost:$PORT" || { echo "smoke: OpenAPI lint failed"; exit 1; }
# Swagger UI (demo mode): a token entered under Authorize goes out with "Try it out".
node browser-tests/swagger-ui.mjs "http://localhost:$PORT" "$TOKEN" || { echo "smoke: Swagger UI check failed"; exit 1; }
bash .ci/smoke-approvals.sh "$PORT" || { cat "$LOG"; exit 1; }
# The console in a real browser (Debian chromium + playwright-core, installed by .ci/run); screenshots in target/screenshots.
OUTLAY_TOKEN_PLATFORM="$(./outlay token --tenant demo --role platform)" \
OUTLAY_TOKEN_AUDITOR="$(./outlay token --tenant demo --role auditor)" \
OUTLAY_TOKEN_FINOPS="$TOKEN" SCREENSHOTS="$PWD/target/screenshots" \
  node browser-tests/console.mjs "http://localhost:$PORT" || { tail -200 "$LOG"; echo "smoke: console browser check failed"; exit 1; }
# Persona homes against the API, an allocation run followed to success in the console, axe-core on every page.
OUTLAY_TOKEN_AUDITOR="$(./outlay token --tenant demo --role auditor)" \
OUTLAY_TOKEN_FINOPS="$TOKEN" SCREENSHOTS="$PWD/target/screenshots" \
  node browser-tests/personas.mjs "http://localhost:$PORT" || { tail -200 "$LOG"; echo "smoke: personas browser check failed"; exit 1; }
# The rules studio after the console check: the real embedded DMN editor, a saved draft, a publish, the next evaluation.
OUTLAY_TOKEN_FINOPS="$TOKEN" SCREENSHOTS="$PWD/target/screenshots" \
  node browser-tests/studio.mjs "http://localhost:$PORT" || { tail -200 "$LOG"; echo "smoke: studio browser check failed"; exit 1; }
# The BPMN files' diagram layout opens in the classic KIE BPMN editor the build fetched (no service needed).
SCREENSHOTS="$PWD/target/screenshots" node browser-tests/bpmn-editor.mjs "$PWD" || { echo "smoke: BPMN editor check failed"; exit 1; }
echo "smoke: OK"
