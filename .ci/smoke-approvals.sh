#!/usr/bin/env bash
# The approvals story on a running demo service (port $1): a platform engineer asks for a GPU cluster, the policy
# escalates, an approver finds the task in the inbox and approves it, the history shows every step.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE="http://localhost:$1"
field() { grep -o "\"$1\":\"[^\"]*\"" | head -1 | cut -d'"' -f4; }
PLAT="$(./outlay token --tenant demo --role platform)"
APPR="$(./outlay token --tenant demo --role approver)"
AUD="$(./outlay token --tenant demo --role auditor)"
REQ="$(curl -fsS -X POST "$BASE/api/v1/spend-requests" -H "Authorization: Bearer $PLAT" -H 'Content-Type: application/json' \
  -d '{"resourceClass":"gpu","environment":"dev","amount":9000,"currency":"USD","owner":"ml","description":"GPU cluster"}')"
echo "$REQ" | grep -q '"outcome":"escalate"' || { echo "smoke: expected escalate, got $REQ"; exit 1; }
ID="$(echo "$REQ" | field id)"
TASK=""
for _ in $(seq 1 20); do
  TASK="$(curl -fsS "$BASE/api/v1/inbox" -H "Authorization: Bearer $APPR" | grep -o "\"taskId\":\"[^\"]*\"[^}]*\"subjectId\":\"$ID\"" | field taskId || true)"
  [ -n "$TASK" ] && break
  sleep 1
done
[ -n "$TASK" ] || { echo "smoke: approver inbox has no task for $ID"; exit 1; }
curl -fsS -X POST "$BASE/api/v1/inbox/$TASK/complete" -H "Authorization: Bearer $APPR" -H 'Content-Type: application/json' \
  -d '{"decision":"approve","comment":"smoke"}' >/dev/null
curl -fsS "$BASE/api/v1/spend-requests/$ID" -H "Authorization: Bearer $AUD" | grep -q '"status":"approved"' \
  || { echo "smoke: request not approved"; exit 1; }
HISTORY="$(curl -fsS "$BASE/api/v1/spend-requests/$ID/history" -H "Authorization: Bearer $AUD")"
echo "smoke: history $HISTORY"
for k in created evaluated assigned approved; do echo "$HISTORY" | grep -q "\"kind\":\"$k\"" || { echo "smoke: history lacks $k"; exit 1; }; done
echo "smoke: approvals OK"
