#!/usr/bin/env bash
# Runs every bench on a fresh clone and prints one table of their targets: what each measured,
# beside its baseline from the same run, and MET or NOT MET. Each bench's whole output is kept in
# bench/target/run-all/<bench>.log. Run it on a quiet machine (see bench/README.md).
#
#   bench/run-all.sh                 # every bench
#   bench/run-all.sh chat sync       # only these
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

eval "$(scripts/test-env.sh)"
LOGS=bench/target/run-all
mkdir -p "$LOGS"

echo "[run-all] building the apps, the parent POM and the benches' shared classes"
./mvnw -B -q install -DskipTests
# The media bench's object store: the tests' s3proxy jar, which -DskipTests does not copy.
./mvnw -B -q -pl technician-bff dependency:copy@s3proxy-for-tests
./mvnw -B -q -f bench/live-updates/pom.xml install -DskipTests

if [[ $# -gt 0 ]]; then
  benches=("$@")
else
  benches=()
  for pom in bench/*/pom.xml; do
    benches+=("$(basename "$(dirname "$pom")")")
  done
fi

failed=()
for bench in "${benches[@]}"; do
  echo "[run-all] $bench (log: $LOGS/$bench.log)"
  if ! ./mvnw -B -q -f "bench/$bench/pom.xml" compile exec:java >"$LOGS/$bench.log" 2>&1; then
    failed+=("$bench")
  fi
done
if [[ $# -eq 0 ]]; then
  echo "[run-all] security-overhead.sh (log: $LOGS/security-overhead.log)"
  bench/security-overhead.sh >"$LOGS/security-overhead.log" 2>&1 || failed+=("security-overhead")
fi

# Every bench prints each target on one line ending in MET or NOT MET, with its figure and baseline.
echo
printf '%-20s %s\n' "bench" "target line (figure, baseline, ratio, target: verdict)"
for log in "$LOGS"/*.log; do
  bench=$(basename "$log" .log)
  # A bench with no target of its own (security-overhead) prints no such line.
  { grep -E '(^|[^A-Z])(NOT MET|MET)' "$log" || true; } | sed -E 's/^[[:space:]]+//' | while IFS= read -r line; do
    printf '%-20s %s\n' "$bench" "$line"
  done
done
met=$(cat "$LOGS"/*.log | grep -E '(^|[^A-Z])MET' | grep -vc 'NOT MET' || true)
not_met=$(cat "$LOGS"/*.log | grep -c 'NOT MET' || true)
echo
echo "[run-all] targets met: $met, not met: $not_met"
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "[run-all] benches that did not finish: ${failed[*]}" >&2
  exit 1
fi
