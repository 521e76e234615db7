#!/usr/bin/env bash
# One release of the academy to one namespace, in order:
#   1. everything that is not a workload (config, services, policies, secrets, ingress, HPA…); the
#      namespace (deploy-phase=cluster) is an operator's, created once (docs/deploy.md)
#   2. the migration Job (deploy-phase=migrate), waited for; a failure stops the release here
#   3. the api-service Rollout (deploy-phase=api): preview, pre-promotion analysis, promotion,
#      post-promotion analysis. A failed analysis makes Argo Rollouts abort: the old version keeps serving
#   4. bot-service and web-service (deploy-phase=apps), rolling updates
# Settings come from the environment (see action.yml): IMAGE, NAMESPACE, OVERLAY, ROLLOUT, PROMOTE,
# SKIP_MIGRATIONS, TIMEOUT_SECONDS, and POLL_SECONDS (5) for tests.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
image="${IMAGE:?IMAGE is required}"
namespace="${NAMESPACE:?NAMESPACE is required}"
overlay="${OVERLAY:-}"
[[ -n "$overlay" ]] || overlay="deploy/k8s/overlays/$namespace"
rollout="${ROLLOUT:-api-service}"
promote="${PROMOTE:-false}"
skip_migrations="${SKIP_MIGRATIONS:-false}"
timeout="${TIMEOUT_SECONDS:-900}"
poll="${POLL_SECONDS:-5}"
phase_label="telegram-academy/deploy-phase"

manifests="$(mktemp "${TMPDIR:-/tmp}/manifests.XXXXXX")"
trap 'rm -f "$manifests"' EXIT
"$here/render.sh" "$overlay" "$image" > "$manifests"

log() { echo "[blue-green-deploy] $*"; }

apply_phase() { # selector
  kubectl apply -n "$namespace" -f "$manifests" -l "$1"
}

# Prints "<phase>|<pre-promotion analysis status>" once the controller has seen the latest spec.
rollout_state() {
  local state generation observed phase analysis
  state="$(kubectl get rollout "$rollout" -n "$namespace" -o \
    'jsonpath={.metadata.generation}|{.status.observedGeneration}|{.status.phase}|{.status.blueGreen.prePromotionAnalysisRunStatus.status}')"
  IFS='|' read -r generation observed phase analysis <<< "$state"
  if [[ "$generation" != "$observed" ]]; then
    echo "Pending|"
  else
    echo "${phase}|${analysis}"
  fi
}

# Waits until "<phase>|<pre-promotion analysis>" matches one of the wanted glob patterns; fails on
# Degraded (Argo Rollouts aborted the rollout: an analysis failed or the new pods are unhealthy).
wait_for_rollout() { # wanted patterns, space separated, e.g. "Paused|Successful Healthy|*"
  local deadline=$((SECONDS + timeout)) state="" pattern patterns
  read -ra patterns <<< "$1"
  while ((SECONDS < deadline)); do
    state="$(rollout_state)"
    for pattern in "${patterns[@]}"; do
      # shellcheck disable=SC2053 # the pattern is a glob on purpose
      if [[ "$state" == $pattern ]]; then
        echo "$state"
        return 0
      fi
    done
    if [[ "$state" == Degraded* ]]; then
      log "rollout $rollout is Degraded ($state): Argo Rollouts aborted it, the previous version keeps serving" >&2
      kubectl argo rollouts get rollout "$rollout" -n "$namespace" >&2 || true
      return 1
    fi
    sleep "$poll"
  done
  log "timed out after ${timeout}s waiting for $rollout to be: $1 (last: $state)" >&2
  kubectl argo rollouts get rollout "$rollout" -n "$namespace" >&2 || true
  return 1
}

wait_for_job() { # name
  local deadline=$((SECONDS + timeout)) conditions
  while ((SECONDS < deadline)); do
    conditions="$(kubectl get job "$1" -n "$namespace" -o 'jsonpath={.status.conditions[?(@.status=="True")].type}')"
    if [[ " $conditions " == *" Failed "* ]]; then
      log "job $1 failed" >&2
      kubectl logs "job/$1" -n "$namespace" --tail=200 >&2 || true
      return 1
    fi
    if [[ " $conditions " == *" Complete "* ]]; then
      return 0
    fi
    sleep "$poll"
  done
  log "timed out after ${timeout}s waiting for job $1" >&2
  return 1
}

log "1/4 configuration, services, policies and secrets for $namespace"
apply_phase "!$phase_label"
kubectl wait --for=condition=Ready externalsecret --all -n "$namespace" --timeout="${timeout}s"

if [[ "$skip_migrations" == "true" ]]; then
  log "2/4 migrations skipped (SKIP_MIGRATIONS=true)"
else
  log "2/4 migrations"
  # A Job's pod template is immutable: the previous run is deleted, not patched.
  kubectl delete job academy-migrate -n "$namespace" --ignore-not-found --wait=true
  apply_phase "$phase_label=migrate"
  wait_for_job academy-migrate
fi

log "3/4 $rollout: blue-green with $image"
apply_phase "$phase_label=api"
# Paused counts only once the pre-promotion analysis has succeeded; Healthy means there was nothing to
# promote (first release, or an unchanged pod template) or staging promoted itself after the analysis.
state="$(wait_for_rollout "Paused|Successful Healthy|*")"
if [[ "$state" == Paused* ]]; then
  if [[ "$promote" != "true" ]]; then
    log "pre-promotion analysis passed; $rollout waits for: kubectl argo rollouts promote $rollout -n $namespace"
    exit 0
  fi
  log "pre-promotion analysis passed: promoting"
  kubectl argo rollouts promote "$rollout" -n "$namespace"
  wait_for_rollout "Healthy|*" > /dev/null
fi
log "$rollout is Healthy on the new version (post-promotion analysis passed)"

log "4/4 bot-service and web-service"
apply_phase "$phase_label=apps"
for deployment in $(kubectl get deployments -n "$namespace" -l "$phase_label=apps" -o name); do
  kubectl rollout status "$deployment" -n "$namespace" --timeout="${timeout}s"
done
log "released $image to $namespace"
