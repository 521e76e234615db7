#!/usr/bin/env bash
# Smoke test of a deployed environment through its public Ingress:
#   smoke-test.sh https://staging.academy.example.com
# The process answers, the learner API reaches the database, the API docs are served, and the ops and
# admin endpoints are not reachable from the internet.
set -euo pipefail

base="${1:?usage: smoke-test.sh BASE_URL}"
base="${base%/}"
failures=0

status_of() { # path, retries -> HTTP status code (000 when nothing answered)
  curl -sS -o /dev/null -w '%{http_code}' -L --max-time 10 \
    --retry "$2" --retry-delay "${SMOKE_RETRY_DELAY:-3}" --retry-all-errors "$base$1" || true
}

expect() { # path, a regular expression the status must match, what it means, retries (default 5)
  local code
  code="$(status_of "$1" "${4:-5}")"
  if [[ "$code" =~ ^($2)$ ]]; then
    echo "ok   $1 -> $code ($3)"
  else
    echo "FAIL $1 -> $code, expected $2 ($3)"
    failures=$((failures + 1))
  fi
}

expect /health '200' 'the process answers'
expect /api/v1/courses '200' 'the learner API reads the catalogue from the database'
expect /docs '200' 'the API docs'
# Not public: the Ingress routes these to a Service without pods, so the controller answers 503.
expect /api/v1/ops/dora '502|503' 'ops endpoints stay off the public ingress' 0
expect /api/v1/admin/courses '502|503' 'admin endpoints stay off the public ingress' 0

if ((failures > 0)); then
  echo "$failures smoke check(s) failed against $base"
  exit 1
fi
echo "smoke test passed against $base"
