#!/usr/bin/env bash
# Prepares this machine for the test suite and prints the environment the suite needs, for the
# README's test command:
#
#   eval "$(scripts/test-env.sh)" && ./mvnw -B verify
#
# Makes sure PostgreSQL and Redis run on loopback (installing or starting them if needed, and
# leaving them running), creates the test databases (one per app's suite), installs the kubectl that
# the deployment tests render k8s/ with and Debian's chromium and chromium-driver for the browser
# tests, and prints `export JAVA_HOME=…` for a JDK 21+. Everything else goes to stderr.
# If anything fails it prints `false`, so that the command above stops before Maven.
set -euo pipefail
exec 3>&1 1>&2
trap 'status=$?; if [[ $status -ne 0 ]]; then printf "false\n" >&3; fi' EXIT

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
  # The customer app's suite has a database of its own, so that it can run beside the technician app's (-T 2).
  PG_DATABASE="garage_test_customer"
  garage_db_reachable || ensure_garage_database
  ensure_redis
  "$GARAGE_ROOT/scripts/install-kubectl.sh"
  # The web apps' browser tests (docs/apps.md) drive Debian's headless Chromium through its chromedriver.
  if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
    apt_install chromium chromium-driver
  fi
  printf 'export JAVA_HOME=%q\n' "$JAVA_HOME" >&3
}

main "$@"
