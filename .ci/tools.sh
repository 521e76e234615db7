#!/usr/bin/env bash
# Debian tools the test suites use (each suite fails under CI=true when its tool is missing).
# Installs only what is absent, so a warm machine spends no time here.
set -euo pipefail
need=()
command -v shellcheck >/dev/null || need+=(shellcheck)
command -v yamllint >/dev/null || need+=(yamllint)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
