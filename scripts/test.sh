#!/usr/bin/env bash
# Runs the whole test suite: makes sure PostgreSQL and Redis run on loopback (installing or
# starting them if needed, and leaving them running), creates the test database, installs the kubectl
# that the deployment tests render k8s/ with, then runs
# every module's tests with a JDK 21+. Extra arguments go to Maven.
#
#   scripts/test.sh [maven arguments...]
set -euo pipefail

LOG_PREFIX="test"
# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=scripts/lib/services.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/services.sh"

# The tests' own database, apart from the local stack's demo data.
PG_DATABASE="garage_test"

main() {
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  select_jdk
  log "using JDK $(java_major "$JAVA_HOME/bin/java") at $JAVA_HOME"
  ensure_postgresql
  ensure_redis
  "$GARAGE_ROOT/scripts/install-kubectl.sh"
  cd "$GARAGE_ROOT"
  ./mvnw -B verify "$@"
}

main "$@"
