#!/usr/bin/env bash
# Debian tools the test suites use (each suite fails under CI=true when its tool is missing).
# Installs only what is absent, so a warm machine spends no time here.
set -euo pipefail
need=()
command -v shellcheck >/dev/null || need+=(shellcheck)  # deploy: shell scripts
command -v yamllint >/dev/null || need+=(yamllint)      # deploy: YAML
command -v promtool >/dev/null || need+=(prometheus)    # deploy: AnalysisTemplate query; monitoring: rules
command -v amtool >/dev/null || command -v prometheus-alertmanager >/dev/null || need+=(prometheus-alertmanager)  # monitoring
command -v jq >/dev/null || need+=(jq)                  # deploy: workflow scripts
command -v curl >/dev/null || need+=(curl)
[ -x /usr/bin/chromium ] || need+=(chromium)             # e2e: the Mini App in a real browser
command -v kubectl >/dev/null || echo "note: kubectl is not installed; the deploy suite fails under CI=true without it (kustomize rendering)"
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
