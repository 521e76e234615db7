#!/usr/bin/env bash
# Prints the manifests of a Kustomize overlay with the academy image set to IMAGE.
#   render.sh deploy/k8s/overlays/staging ghcr.io/owner/repo@sha256:...
# The overlay itself is not edited: a throw-away kustomization next to it adds the image.
set -euo pipefail

overlay="${1:?usage: render.sh OVERLAY_DIR IMAGE}"
image="${2:?usage: render.sh OVERLAY_DIR IMAGE}"
[[ -f "$overlay/kustomization.yaml" ]] || { echo "no kustomization.yaml in $overlay" >&2; exit 1; }

# name[:tag] or name@digest; a registry port (host:5000/name) is not a tag.
if [[ "$image" == *@* ]]; then
  name="${image%@*}"
  pin="digest: ${image#*@}"
elif [[ "${image##*/}" == *:* ]]; then
  name="${image%:*}"
  pin="newTag: \"${image##*:}\""
else
  echo "image must carry a tag or a digest: $image" >&2
  exit 1
fi

overlay_abs="$(cd "$overlay" && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/render.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# Kustomize refuses absolute resource paths: refer to the overlay relative to the work dir.
relative="$(realpath --relative-to="$work" "$overlay_abs")"

cat > "$work/kustomization.yaml" <<YAML
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - $relative
images:
  - name: academy
    newName: $name
    $pin
YAML

kubectl kustomize "$work"
