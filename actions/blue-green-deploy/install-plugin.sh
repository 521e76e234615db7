#!/usr/bin/env bash
# Installs kubectl-argo-rollouts (the `kubectl argo rollouts` plugin) unless this version is on PATH.
set -euo pipefail

version="${ARGO_ROLLOUTS_VERSION:?set ARGO_ROLLOUTS_VERSION, e.g. v1.8.2}"
if command -v kubectl-argo-rollouts >/dev/null 2>&1 \
  && kubectl-argo-rollouts version --short 2>/dev/null | grep -q -- "$version"; then
  echo "kubectl-argo-rollouts $version is already installed"
  exit 0
fi

case "$(uname -m)" in
  x86_64) arch=amd64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "unsupported architecture $(uname -m)" >&2; exit 1 ;;
esac

bin_dir="${RUNNER_TEMP:-/tmp}/argo-rollouts-bin"
mkdir -p "$bin_dir"
curl -fsSL --retry 3 -o "$bin_dir/kubectl-argo-rollouts" \
  "https://github.com/argoproj/argo-rollouts/releases/download/${version}/kubectl-argo-rollouts-linux-${arch}"
chmod +x "$bin_dir/kubectl-argo-rollouts"
if [[ -n "${GITHUB_PATH:-}" ]]; then
  echo "$bin_dir" >> "$GITHUB_PATH"
fi
"$bin_dir/kubectl-argo-rollouts" version --short
