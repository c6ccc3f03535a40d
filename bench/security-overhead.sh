#!/usr/bin/env bash
# What the security layer costs, against a baseline measured in the same run:
#  1. audit chain verification (the SQL of AuditChainVerifier) against a plain scan of the same
#     entries, on a throwaway garage whose rows are rolled back afterwards;
#  2. one rate-limit admission (the Lua script of SlidingWindow, two windows) against a Redis PING
#     and a single ZADD, on a Redis server of its own (the shared one is left alone).
#
#   bench/security-overhead.sh [entries]      (PGDATABASE, PGHOST, PGUSER select the database;
#                                              without PGDATABASE, BENCH_JDBC_URL's, then garage_test)
#
# The entries are written and chained (audit_chain_garage, as the sequencer does) in one transaction,
# so that rolling it back leaves nothing behind.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

ENTRIES=${1:-20000}
BENCH_DATABASE=${BENCH_JDBC_URL:-garage_test}
BENCH_DATABASE=${BENCH_DATABASE##*/}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-garage} PGDATABASE=${PGDATABASE:-${BENCH_DATABASE%%\?*}}
if [[ -z $(psql -X -tAc "select to_regclass('audit_entry')") ]]; then
  echo "database $PGDATABASE has no schema yet: run any Java bench (or the tests) on it first" >&2
  exit 1
fi
SHARED=shared-domain/src/main/java/com/garage/mobile

# The statements as the code has them, so the bench measures what runs.
text_block() { # FILE CONSTANT
  awk -v name="$2" '$0 ~ name" = \"\"\"" {on=1; next} on && /"""/ {sub(/""".*/, ""); print; exit} on {print}' "$1"
}
VERIFY=$(text_block "$SHARED/domain/audit/AuditChainVerifier.java" VERIFY)
SCRIPT=$(text_block "$SHARED/platform/security/ratelimit/SlidingWindow.java" SCRIPT)

median_ms() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "== audit chain verification: $ENTRIES entries in one garage =="
GARAGE=$(cat /proc/sys/kernel/random/uuid)
TIMES=$(psql -X -q -v ON_ERROR_STOP=1 <<SQL 2>&1
begin;
insert into garage (id, name, time_zone, currency, tax_rate_bp) values ('$GARAGE', 'Bench', 'Europe/London', 'GBP', 2000);
insert into audit_entry (garage_id, actor_subject, actor_role, action, resource_type, resource_id, outcome, detail, occurred_at)
  select '$GARAGE', 'staff-' || (i % 12), 'technician', 'job.change-status', 'job', md5(i::text), 'SUCCESS',
         jsonb_build_object('from', 'OPEN', 'to', 'IN_PROGRESS'), now()
  from generate_series(1, $ENTRIES) i;
select audit_chain_garage('$GARAGE');
prepare verify(uuid) as $VERIFY;
prepare scan(uuid) as select count(*), max(hash) from audit_entry where garage_id = \$1;
\timing on
\o /dev/null
execute scan('$GARAGE'); execute verify('$GARAGE');
execute scan('$GARAGE'); execute verify('$GARAGE');
execute scan('$GARAGE'); execute verify('$GARAGE');
execute scan('$GARAGE'); execute verify('$GARAGE');
execute scan('$GARAGE'); execute verify('$GARAGE');
\o
\timing off
rollback;
SQL
)
SCAN=$(grep '^Time:' <<<"$TIMES" | awk 'NR % 2 == 1 {print $2}' | median_ms)
VERIFIED=$(grep '^Time:' <<<"$TIMES" | awk 'NR % 2 == 0 {print $2}' | median_ms)
awk -v s="$SCAN" -v v="$VERIFIED" -v n="$ENTRIES" 'BEGIN {
  printf "baseline scan:  %8.1f ms\nverification:   %8.1f ms  (%.0f entries/s, %.1fx the scan)\n", s, v, n / (v / 1000), v / s }'

echo "== rate-limit admission: two windows per call =="
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
redis-server --port "$PORT" --bind 127.0.0.1 --save "" --appendonly no >/dev/null 2>&1 &
REDIS=$!
trap 'kill "$REDIS" 2>/dev/null || true' EXIT
until redis-cli -p "$PORT" ping >/dev/null 2>&1; do sleep 0.1; done
rps() { redis-benchmark -p "$PORT" -n 100000 -c 20 -q "$@" | awk '{for (i = 1; i <= NF; i++) if ($i == "requests") print $(i - 1)}' | tail -1; }
PING=$(rps PING)
ZADD=$(rps ZADD bench:z 1 member)
ADMIT=$(rps EVAL "$SCRIPT" 2 bench:user bench:device 60000 call 1000000000 1000000000)
awk -v p="$PING" -v z="$ZADD" -v a="$ADMIT" 'BEGIN {
  printf "PING (baseline): %10.0f /s\nZADD:            %10.0f /s\nadmission:       %10.0f /s  (%.2fx the PING time, %.2fx a ZADD)\n", p, z, a, p / a, z / a }'
