#!/usr/bin/env bash
# Lints the API document a running Outlay serves with @redocly/cli (pinned in tools/openapi-lint/package.json, no
# lock file) and its recommended rules. Fails on any error; warnings are printed. Usage: .ci/openapi-lint.sh BASE_URL
set -euo pipefail
cd "$(dirname "$0")/.."
BASE="${1:?usage: .ci/openapi-lint.sh http://localhost:PORT}"
LINT=tools/openapi-lint
[ -x "$LINT/node_modules/.bin/redocly" ] || (cd "$LINT" && npm install --no-audit --no-fund --loglevel=error --no-package-lock)
DOC="$(mktemp -d)/openapi.json"
curl -fsS "$BASE/q/openapi?format=json" -o "$DOC"
# Redocly asks to send usage data unless told not to.
REDOCLY_TELEMETRY=off "$LINT/node_modules/.bin/redocly" lint --config "$LINT/redocly.yaml" --format=summary "$DOC"
