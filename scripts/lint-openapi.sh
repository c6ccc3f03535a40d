#!/usr/bin/env bash
# Lints the OpenAPI documents of both BFFs with Spectral (ruleset .spectral.yaml, which extends spectral:oas)
# and fails on any error or warning, so that the app teams can generate clients from them.
#
#   scripts/lint-openapi.sh              build both BFFs, then lint the documents the build stored
#   scripts/lint-openapi.sh --no-build   lint the documents of the last build
#
# The build stores each document in <bff>/target/openapi (quarkus.smallrye-openapi.store-schema-directory),
# as served at /q/openapi. Spectral is installed from npm into .local/spectral on first use (needs Node 18+).
# Extra Maven options go in MAVEN_ARGS (e.g. MAVEN_ARGS=-o for an offline build).
set -euo pipefail

LOG_PREFIX="lint-openapi"
# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

SPECTRAL_VERSION="6.16.3"
SPECTRAL_DIR="$LOCAL_DIR/spectral"
SPECTRAL="$SPECTRAL_DIR/node_modules/.bin/spectral"
BFFS=(technician-bff customer-bff)

install_spectral() {
  if [[ -x $SPECTRAL ]] && [[ "$("$SPECTRAL" --version)" == "$SPECTRAL_VERSION" ]]; then
    return
  fi
  have npm || die "npm not found: install Node.js 18 or newer (e.g. 'apt-get install nodejs npm')"
  log "installing Spectral $SPECTRAL_VERSION into ${SPECTRAL_DIR#"$GARAGE_ROOT/"}"
  mkdir -p "$SPECTRAL_DIR"
  npm install --prefix "$SPECTRAL_DIR" --no-audit --no-fund --loglevel=error \
    "@stoplight/spectral-cli@$SPECTRAL_VERSION" >&2
}

build_documents() {
  select_jdk
  log "building ${BFFS[*]} (./mvnw -B -q package -DskipTests) for their OpenAPI documents"
  (cd "$GARAGE_ROOT" && ./mvnw -B -q package -DskipTests -DskipITs -pl "$(IFS=,; echo "${BFFS[*]}")" -am)
}

main() {
  local build=true bff documents=()
  case "${1:-}" in
    --no-build) build=false ;;
    "") ;;
    *) die "usage: scripts/lint-openapi.sh [--no-build]" ;;
  esac
  install_spectral
  if $build; then
    build_documents
  fi
  for bff in "${BFFS[@]}"; do
    [[ -f $GARAGE_ROOT/$bff/target/openapi/openapi.yaml ]] \
      || die "$bff/target/openapi/openapi.yaml is missing: build first (scripts/lint-openapi.sh without --no-build)"
    documents+=("$bff/target/openapi/openapi.yaml")
  done
  cd "$GARAGE_ROOT"
  "$SPECTRAL" lint --ruleset .spectral.yaml --fail-severity=warn "${documents[@]}"
  log "both OpenAPI documents pass spectral:oas without an error or a warning"
}

main "$@"
