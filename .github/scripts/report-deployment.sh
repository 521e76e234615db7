#!/usr/bin/env bash
# Reports a deployment to the academy's own ops API (POST /api/v1/ops/deployments), the source of the
# DORA metrics:  report-deployment.sh ENVIRONMENT STATUS    (STATUS: success | failure | cancelled)
# The ops API is not on the public ingress: the report goes through `kubectl port-forward` to the
# api-service in that namespace, with the bearer OPS_TOKEN. OPS_URL overrides the address (tests, local).
# Env: OPS_TOKEN (required), IMAGE, GITHUB_SHA, DEPLOY_STARTED_AT, GITHUB_SERVER_URL, GITHUB_REPOSITORY,
# GITHUB_RUN_ID.
set -euo pipefail

environment="${1:?usage: report-deployment.sh ENVIRONMENT STATUS}"
status="${2:?usage: report-deployment.sh ENVIRONMENT STATUS}"
token="${OPS_TOKEN:?OPS_TOKEN is required}"
sha="${GITHUB_SHA:-$(git rev-parse HEAD)}"
now="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
committed_at="$(git show -s --format=%cI "$sha" 2>/dev/null || echo "")"
run_url=""
if [[ -n "${GITHUB_RUN_ID:-}" ]]; then
  run_url="${GITHUB_SERVER_URL:-https://github.com}/${GITHUB_REPOSITORY:-}/actions/runs/${GITHUB_RUN_ID}"
fi

case "$status" in
  success | failure | cancelled) ;;
  *) echo "unknown status: $status" >&2; exit 1 ;;
esac

url="${OPS_URL:-}"
if [[ -z "$url" ]]; then
  port="${OPS_LOCAL_PORT:-18080}"
  kubectl port-forward -n "$environment" svc/api-service "$port:3000" > /dev/null 2>&1 &
  forward=$!
  trap 'kill "$forward" 2>/dev/null || true' EXIT
  url="http://127.0.0.1:$port"
  for _ in $(seq 1 30); do
    curl -fsS -o /dev/null --max-time 2 "$url/health" && break
    sleep 1
  done
fi

body="$(jq -n \
  --arg environment "$environment" \
  --arg status "$status" \
  --arg sha "$sha" \
  --arg committedAt "$committed_at" \
  --arg startedAt "${DEPLOY_STARTED_AT:-$now}" \
  --arg finishedAt "$now" \
  --arg image "${IMAGE:-}" \
  --arg url "$run_url" \
  '{service: "telegram-ios-academy", environment: $environment, status: $status, commitSha: $sha,
    committedAt: (if $committedAt == "" then null else $committedAt end), startedAt: $startedAt,
    finishedAt: $finishedAt, image: $image, url: (if $url == "" then null else $url end)}')"

curl -fsS --max-time 10 --retry 3 --retry-all-errors \
  -X POST "$url/api/v1/ops/deployments" \
  -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' \
  --data "$body"
echo
echo "reported $status deployment of $sha to $environment"
