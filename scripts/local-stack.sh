#!/usr/bin/env bash
# Runs the garage backend locally without Docker: PostgreSQL, Redis, Keycloak (realm
# "garage"), s3proxy (the media object store), a Stripe stub and a partner stub (WireMock) and the two BFFs. See
# docs/local-stack.md and docs/payments.md.
#
#   scripts/local-stack.sh [up] [--detach] [--skip-build]   start what is not running
#   scripts/local-stack.sh down                             stop what this script started
#   scripts/local-stack.sh status                           show what runs (exit 0 = all up)
set -euo pipefail

LOG_PREFIX="local-stack"
# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=scripts/lib/services.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/services.sh"

KEYCLOAK_READY_TIMEOUT=${KEYCLOAK_READY_TIMEOUT:-180}
BFF_READY_TIMEOUT=${BFF_READY_TIMEOUT:-120}
# Keycloak's frontend URL: pins the token issuer to http://127.0.0.1:8180/realms/garage
# whatever host name a client used to reach it.
KEYCLOAK_HOSTNAME=${KEYCLOAK_HOSTNAME:-$KEYCLOAK_URL}

DETACH=0
SKIP_BUILD=0
KEEP_RUNNING=0

usage() {
  sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

# ---------------------------------------------------------------- pid files

pid_file() { printf '%s/%s.pid\n' "$RUN_DIR" "$1"; }

# Text that the command line of each managed process contains (guards against reused pids).
process_marker() {
  case $1 in
    keycloak) printf '%s\n' "$KEYCLOAK_HOME" ;;
    s3proxy) printf '%s\n' "$S3PROXY_JAR" ;;
    stripe-stub) printf '%s\n' "$WIREMOCK_JAR" ;;
    partner-stub) printf '%s\n' "$PARTNER_STUB_ROOT" ;;
    technician-bff | customer-bff) printf '%s\n' "$1/target/quarkus-app/quarkus-run.jar" ;;
    redis) printf '%s\n' "redis-server" ;;
  esac
}

# Pid recorded for a managed process, printed only when that process is still alive.
recorded_pid() {
  local name=$1 file pid args
  file=$(pid_file "$name")
  [[ -f $file ]] || return 1
  pid=$(tr -dc '0-9' <"$file")
  [[ -n $pid ]] || return 1
  args=$(ps -o args= -p "$pid" 2>/dev/null) || return 1
  [[ $args == *"$(process_marker "$name")"* ]] || return 1
  printf '%s\n' "$pid"
}

is_running() { recorded_pid "$1" >/dev/null; }

# Plain liveness of the recorded pid, for a process this run has just started (its
# command line may not show the marker yet, before the exec).
pid_alive() {
  local file pid
  file=$(pid_file "$1")
  [[ -f $file ]] || return 1
  pid=$(tr -dc '0-9' <"$file")
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null
}

# Start a command in its own session (so Ctrl-C in this terminal does not reach it),
# logging to LOG_DIR/<name>.log, and record its pid.
start_background() {
  local name=$1 workdir=$2
  shift 2
  local log="$LOG_DIR/$name.log"
  : >"$log"
  (cd "$workdir" && exec setsid "$@" >>"$log" 2>&1 </dev/null 9>&-) &
  printf '%s\n' "$!" >"$(pid_file "$name")"
  STARTED+=("$name")
}

# Stop a process (and its process group when it leads one): TERM, then KILL after 30 s.
terminate_pid() {
  local pid=$1 name=$2 target pgid i
  pgid=$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ') || return 0
  target=$pid
  [[ $pgid == "$pid" ]] && target="-$pid"
  log "stopping $name (pid $pid)"
  kill -TERM -- "$target" 2>/dev/null || return 0
  for ((i = 0; i < 60; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  warn "$name did not stop within 30 s; killing it"
  kill -KILL -- "$target" 2>/dev/null || true
}

# Stop a managed process recorded in a pid file. The pid file goes first, so that a
# foreground 'up' watching it sees an orderly stop rather than a crash.
stop_recorded() {
  local name=$1 pid
  if pid=$(recorded_pid "$name"); then
    rm -f "$(pid_file "$name")"
    terminate_pid "$pid" "$name"
  else
    rm -f "$(pid_file "$name")"
  fi
}

# ---------------------------------------------------------------- Keycloak

ensure_keycloak_dist() {
  [[ -x $KEYCLOAK_HOME/bin/kc.sh ]] && return 0
  local tarball="$DOWNLOAD_DIR/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz" tmp
  if [[ ! -f $tarball ]]; then
    log "downloading Keycloak $KEYCLOAK_VERSION through Maven"
    # Run outside the project so a half-edited pom cannot break the download.
    (cd "$DOWNLOAD_DIR" && "$GARAGE_ROOT/mvnw" -B -q dependency:copy \
      "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:tar.gz" \
      "-DoutputDirectory=$DOWNLOAD_DIR") || die "could not download Keycloak with Maven"
  fi
  log "unpacking Keycloak into $KEYCLOAK_HOME"
  tmp=$(mktemp -d "$LOCAL_DIR/keycloak-unpack.XXXXXX")
  tar -xzf "$tarball" -C "$tmp"
  mv "$tmp/keycloak-$KEYCLOAK_VERSION" "$KEYCLOAK_HOME"
  rmdir "$tmp"
}

# Put the realm file where --import-realm finds it. Keycloak imports a realm only when it
# does not exist yet, so when the file changed its dev database is reset.
stage_realm_import() {
  local target="$KEYCLOAK_HOME/data/import/realm-garage.json"
  [[ -f $REALM_FILE ]] || die "realm file $REALM_FILE is missing"
  mkdir -p "$(dirname "$target")"
  if ! cmp -s "$REALM_FILE" "$target"; then
    if [[ -d $KEYCLOAK_HOME/data/h2 ]]; then
      log "realm file changed: resetting Keycloak's dev database so it is imported afresh"
      rm -rf "$KEYCLOAK_HOME/data/h2"
    fi
    cp "$REALM_FILE" "$target"
  fi
}

keycloak_ready() { http_ok "$DISCOVERY_URL"; }

# Starts Keycloak unless it runs; sets KEYCLOAK_STARTED_AT when this run started it.
KEYCLOAK_STARTED_AT=""
start_keycloak() {
  if is_running keycloak; then
    log "Keycloak already runs (pid $(recorded_pid keycloak))"
    return 0
  fi
  if keycloak_ready; then
    log "a Keycloak with realm '$REALM' already answers on $KEYCLOAK_URL (not started by this script); using it"
    return 0
  fi
  port_open "$KEYCLOAK_PORT" && die "port $KEYCLOAK_PORT is taken by another process (see: ss -ltnp 'sport = :$KEYCLOAK_PORT')"
  ensure_keycloak_dist
  stage_realm_import
  log "starting Keycloak $KEYCLOAK_VERSION on $KEYCLOAK_URL (log: ${LOG_DIR#"$GARAGE_ROOT/"}/keycloak.log)"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    start_background keycloak "$KEYCLOAK_HOME" "$KEYCLOAK_HOME/bin/kc.sh" start-dev \
    --http-host=127.0.0.1 "--http-port=$KEYCLOAK_PORT" "--hostname=$KEYCLOAK_HOSTNAME" --import-realm
  KEYCLOAK_STARTED_AT=$SECONDS
}

# ---------------------------------------------------------------- s3proxy (media object store)

# Downloads s3proxy (Maven Central) into the ignored download directory, starts it with its filesystem store
# under ~/.local/share/garage-local/s3proxy (beside the machine-wide database) and waits for it; the bucket is a
# directory of that store.
ensure_s3proxy() {
  if is_running s3proxy; then
    log "s3proxy already runs (pid $(recorded_pid s3proxy))"
    return 0
  fi
  if port_open "$S3PROXY_PORT"; then
    log "something already listens on $S3PROXY_URL (not started by this script); using it as the object store"
    return 0
  fi
  if [[ ! -f $S3PROXY_JAR ]]; then
    log "downloading s3proxy $S3PROXY_VERSION through Maven"
    (cd "$DOWNLOAD_DIR" && "$GARAGE_ROOT/mvnw" -B -q dependency:copy \
      "-Dartifact=org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies" \
      "-DoutputDirectory=$DOWNLOAD_DIR") || die "could not download s3proxy with Maven"
  fi
  mkdir -p "$S3PROXY_DATA/store/$MEDIA_BUCKET"
  printf '%s\n' "s3proxy.endpoint=$S3PROXY_URL" "s3proxy.authorization=aws-v2-or-v4" \
    "s3proxy.identity=local-identity" "s3proxy.credential=local-credential" "jclouds.provider=filesystem" \
    "jclouds.filesystem.basedir=$S3PROXY_DATA/store" >"$S3PROXY_DATA/s3proxy.conf"
  log "starting s3proxy $S3PROXY_VERSION on $S3PROXY_URL (bucket $MEDIA_BUCKET; log: ${LOG_DIR#"$GARAGE_ROOT/"}/s3proxy.log)"
  start_background s3proxy "$S3PROXY_DATA" "$JAVA_HOME/bin/java" -Xmx256m -jar "$S3PROXY_JAR" \
    --properties "$S3PROXY_DATA/s3proxy.conf"
  local i
  for ((i = 0; i < 120; i++)); do
    port_open "$S3PROXY_PORT" && return 0
    pid_alive s3proxy || break
    sleep 0.5
  done
  show_log_tail "$LOG_DIR/s3proxy.log"
  die "s3proxy did not listen on $S3PROXY_URL"
}

# ---------------------------------------------------------------- Stripe stub (payment provider)

# Downloads WireMock standalone (Maven Central) into the ignored download directory and starts it with
# the mappings under local/stripe-stub, which answer like Stripe's API (docs/payments.md).
ensure_stripe_stub() {
  if is_running stripe-stub; then
    log "the Stripe stub already runs (pid $(recorded_pid stripe-stub))"
    return 0
  fi
  if port_open "$STRIPE_STUB_PORT"; then
    log "something already listens on $STRIPE_STUB_URL (not started by this script); using it as Stripe"
    return 0
  fi
  if [[ ! -f $WIREMOCK_JAR ]]; then
    log "downloading WireMock $WIREMOCK_VERSION through Maven"
    (cd "$DOWNLOAD_DIR" && "$GARAGE_ROOT/mvnw" -B -q dependency:copy \
      "-Dartifact=org.wiremock:wiremock-standalone:$WIREMOCK_VERSION" \
      "-DoutputDirectory=$DOWNLOAD_DIR") || die "could not download WireMock with Maven"
  fi
  log "starting the Stripe stub (WireMock $WIREMOCK_VERSION) on $STRIPE_STUB_URL (log: ${LOG_DIR#"$GARAGE_ROOT/"}/stripe-stub.log)"
  start_background stripe-stub "$STRIPE_STUB_ROOT" "$JAVA_HOME/bin/java" -Xmx128m -jar "$WIREMOCK_JAR" \
    --port "$STRIPE_STUB_PORT" --bind-address 127.0.0.1 --root-dir "$STRIPE_STUB_ROOT" --disable-banner
  local i
  for ((i = 0; i < 120; i++)); do
    port_open "$STRIPE_STUB_PORT" && return 0
    pid_alive stripe-stub || break
    sleep 0.5
  done
  show_log_tail "$LOG_DIR/stripe-stub.log"
  die "the Stripe stub did not listen on $STRIPE_STUB_URL"
}

# ---------------------------------------------------------------- partner stub (roadside, NHTSA)

# Starts WireMock (the same jar as the Stripe stub) with local/partner-stub and the webhook signer
# (PartnerStubWebhooks, compiled here against the WireMock jar), so a roadside request is walked to
# its end with webhooks signed like a partner's, sent to the customer BFF (docs/partners.md).
ensure_partner_stub() {
  if is_running partner-stub; then
    log "the partner stub already runs (pid $(recorded_pid partner-stub))"
    return 0
  fi
  if port_open "$PARTNER_STUB_PORT"; then
    log "something already listens on $PARTNER_STUB_URL (not started by this script); using it as the partners"
    return 0
  fi
  [[ -f $WIREMOCK_JAR ]] || die "WireMock is missing ($WIREMOCK_JAR); the Stripe stub downloads it first"
  if [[ ! -f $PARTNER_STUB_CLASSES/com/garage/mobile/testing/PartnerStubWebhooks.class \
    || $PARTNER_STUB_SIGNER -nt $PARTNER_STUB_CLASSES/com/garage/mobile/testing/PartnerStubWebhooks.class ]]; then
    mkdir -p "$PARTNER_STUB_CLASSES"
    "$JAVA_HOME/bin/javac" -nowarn -cp "$WIREMOCK_JAR" -d "$PARTNER_STUB_CLASSES" "$PARTNER_STUB_SIGNER" \
      || die "could not compile the partner stub's webhook signer"
  fi
  log "starting the partner stub (WireMock $WIREMOCK_VERSION) on $PARTNER_STUB_URL (log: ${LOG_DIR#"$GARAGE_ROOT/"}/partner-stub.log)"
  start_background partner-stub "$PARTNER_STUB_ROOT" "$JAVA_HOME/bin/java" -Xmx128m \
    "-Dpartner.stub.secret=$PARTNER_WEBHOOK_SECRET" "-Dpartner.stub.callback=http://127.0.0.1:$CUSTOMER_BFF_PORT" \
    -cp "$WIREMOCK_JAR:$PARTNER_STUB_CLASSES" wiremock.Run --port "$PARTNER_STUB_PORT" --bind-address 127.0.0.1 \
    --root-dir "$PARTNER_STUB_ROOT" --extensions com.garage.mobile.testing.PartnerStubWebhooks --disable-banner
  local i
  for ((i = 0; i < 120; i++)); do
    port_open "$PARTNER_STUB_PORT" && return 0
    pid_alive partner-stub || break
    sleep 0.5
  done
  show_log_tail "$LOG_DIR/partner-stub.log"
  die "the partner stub did not listen on $PARTNER_STUB_URL"
}

# ---------------------------------------------------------------- BFFs

bff_port() {
  case $1 in
    technician-bff) echo "$TECH_BFF_PORT" ;;
    customer-bff) echo "$CUSTOMER_BFF_PORT" ;;
  esac
}
bff_jar() { printf '%s/%s/target/quarkus-app/quarkus-run.jar\n' "$GARAGE_ROOT" "$1"; }
bff_ready_url() { printf 'http://127.0.0.1:%s/q/health/ready\n' "$(bff_port "$1")"; }
bff_ready() { http_ok "$(bff_ready_url "$1")"; }

build_bffs() {
  if [[ $SKIP_BUILD == 1 && -f $(bff_jar technician-bff) && -f $(bff_jar customer-bff) ]]; then
    log "--skip-build: using the existing jars"
    return 0
  fi
  log "building the BFFs (./mvnw -B -q package -DskipTests; log: ${LOG_DIR#"$GARAGE_ROOT/"}/build.log)"
  local start=$SECONDS
  if ! (cd "$GARAGE_ROOT" && ./mvnw -B -q package -DskipTests 9>&-) >"$LOG_DIR/build.log" 2>&1; then
    show_log_tail "$LOG_DIR/build.log" 60
    die "the Maven build failed"
  fi
  log "build done in $((SECONDS - start)) s"
  local bff
  for bff in technician-bff customer-bff; do
    [[ -f $(bff_jar "$bff") ]] || die "the build did not produce $(bff_jar "$bff")"
  done
}

# Wait until URL answers 200, failing early when the process this script started dies.
wait_ready() {
  local name=$1 url=$2 timeout=$3 start=$SECONDS
  while ! http_ok "$url"; do
    if [[ -f $(pid_file "$name") ]] && ! pid_alive "$name"; then
      show_log_tail "$LOG_DIR/$name.log"
      die "$name exited before it was ready"
    fi
    if ((SECONDS - start >= timeout)); then
      show_log_tail "$LOG_DIR/$name.log"
      die "$name not ready at $url after $timeout s"
    fi
    sleep 1
  done
}

start_bff() {
  local bff=$1 port
  port=$(bff_port "$bff")
  if is_running "$bff"; then
    log "$bff already runs (pid $(recorded_pid "$bff"))"
    wait_ready "$bff" "$(bff_ready_url "$bff")" "$BFF_READY_TIMEOUT"
    return 0
  fi
  if bff_ready "$bff"; then
    log "a $bff already answers on http://127.0.0.1:$port (not started by this script); using it"
    return 0
  fi
  port_open "$port" && die "port $port is taken by another process (see: ss -ltnp 'sport = :$port')"
  log "starting $bff on http://127.0.0.1:$port (log: ${LOG_DIR#"$GARAGE_ROOT/"}/$bff.log)"
  local start=$SECONDS
  start_background "$bff" "$GARAGE_ROOT/$bff" "$JAVA_HOME/bin/java" -Dquarkus.profile=local -jar "$(bff_jar "$bff")"
  wait_ready "$bff" "$(bff_ready_url "$bff")" "$BFF_READY_TIMEOUT"
  log "$bff ready after $((SECONDS - start)) s"
}

# The local stack's Web Push (VAPID) key pair, made once per checkout: the BFFs sign pushes with it and the web apps
# subscribe with its public half (settings.json). Passed to the BFFs as GARAGE_PUSH_WEB_VAPID_*.
ensure_vapid_keys() {
  local pem="$LOCAL_DIR/vapid/vapid.pem"
  if [[ ! -f $pem ]]; then
    have openssl || apt_install openssl
    mkdir -p "$(dirname "$pem")"
    (umask 077 && openssl ecparam -name prime256v1 -genkey -noout -out "$pem")
    log "made the local stack's Web Push (VAPID) keys (${pem#"$GARAGE_ROOT/"})"
  fi
  # DER layouts of a P-256 key: the public key ends with the 65-byte uncompressed point, the private key holds
  # the 32-byte scalar from byte 8 on.
  GARAGE_PUSH_WEB_VAPID_PUBLIC_KEY=$(openssl ec -in "$pem" -pubout -outform DER 2>/dev/null | tail -c 65 | base64url)
  GARAGE_PUSH_WEB_VAPID_PRIVATE_KEY=$(openssl ec -in "$pem" -outform DER 2>/dev/null | head -c 39 | tail -c 32 | base64url)
  export GARAGE_PUSH_WEB_VAPID_PUBLIC_KEY GARAGE_PUSH_WEB_VAPID_PRIVATE_KEY
}

base64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }

# The demo garage, its people, vehicles and jobs; re-runnable, existing rows are kept.
load_demo_data() {
  log "loading the demo data (local/demo-data.sql)"
  PGPASSWORD=$PG_PASSWORD psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" \
    -d "$PG_DATABASE" -f "$GARAGE_ROOT/local/demo-data.sql" >/dev/null
}

# ---------------------------------------------------------------- overall state

stack_ready() {
  pg_ready && redis_ready && port_open "$S3PROXY_PORT" && port_open "$STRIPE_STUB_PORT" && port_open "$PARTNER_STUB_PORT" && keycloak_ready && bff_ready technician-bff \
    && bff_ready customer-bff
}


token_command() {
  local client=$1 username=$2 extract
  if have jq; then
    extract="jq -r .access_token"
  elif have python3; then
    extract="python3 -c 'import json,sys; print(json.load(sys.stdin)[\"access_token\"])'"
  else
    extract="sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/'"
  fi
  printf 'curl -s -d grant_type=password -d client_id=%s -d username=%s -d password=%s %s | %s' \
    "$client" "$username" "$DEMO_PASSWORD" "$TOKEN_URL" "$extract"
}

print_info() {
  local entry username role client sub var
  cat <<EOF

Local stack is ready.
  Keycloak        $KEYCLOAK_URL   admin console $KEYCLOAK_URL/admin (admin / admin)
  realm issuer    $ISSUER
  technician-bff  $TECH_BFF_URL    (ready: $TECH_BFF_URL/q/health/ready)
  customer-bff    $CUSTOMER_BFF_URL    (ready: $CUSTOMER_BFF_URL/q/health/ready)
  PostgreSQL      127.0.0.1:$PG_PORT  database $PG_DATABASE, user $PG_USER / $PG_PASSWORD
  Redis           127.0.0.1:$REDIS_PORT
  logs            ${LOG_DIR#"$GARAGE_ROOT/"}/   stop with: scripts/local-stack.sh down

Open the apps (sign in as a demo user below, password $DEMO_PASSWORD):
  technician app  $TECH_BFF_URL/app/    (tom.tech, alice.advisor, ada.admin)
  customer app    $CUSTOMER_BFF_URL/app/    (carl.customer, cora.customer)

Get an access token (password $DEMO_PASSWORD; valid 10 minutes):
EOF
  for entry in "${DEMO_USERS[@]}"; do
    read -r username role client sub <<<"$entry"
    var=TOKEN
    [[ $role == customer ]] && var=CUSTOMER_TOKEN
    # shellcheck disable=SC2016  # the $( ) is meant literally, for pasting
    printf '  # %s (%s, sub %s)\n  %s=$(%s)\n' "$username" "$role" "$sub" "$var" "$(token_command "$client" "$username")"
  done
  cat <<EOF

First requests to try:
  curl -H "Authorization: Bearer \$TOKEN" $TECH_BFF_URL/api/v1/me
  curl -H "Authorization: Bearer \$CUSTOMER_TOKEN" $CUSTOMER_BFF_URL/api/v1/me

EOF
}

# ---------------------------------------------------------------- stopping

# Stop what this run started, newest first.
stop_started() {
  local i name
  for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do
    name=${STARTED[i]}
    case $name in
      postgresql) stop_postgresql ;;
      redis) stop_redis ;;
      *) stop_recorded "$name" ;;
    esac
  done
  STARTED=()
}

stop_redis() {
  local pid
  [[ -f $REDIS_PID_FILE ]] || return 0
  if pid=$(recorded_pid redis); then
    rm -f "$REDIS_PID_FILE"
    terminate_pid "$pid" redis
  fi
  rm -f "$REDIS_PID_FILE"
}

on_exit() {
  local status=$?
  if [[ $KEEP_RUNNING != 1 && ${#STARTED[@]} -gt 0 ]]; then
    log "stopping what this run started"
    stop_started
  fi
  exit "$status"
}

on_signal() {
  trap - INT TERM
  echo >&2
  log "interrupted"
  stop_started
  log "stopped"
  exit 130
}

# ---------------------------------------------------------------- commands

acquire_up_lock() {
  have flock || return 0
  exec 9>"$RUN_DIR/up.lock"
  flock -n 9 || die "another 'scripts/local-stack.sh up' is starting the stack right now"
}

release_up_lock() { exec 9>&-; }

# Foreground: return when the stack was stopped from elsewhere, fail when a process died.
watch_started() {
  local name
  log "running; press Ctrl-C to stop what this run started (or: scripts/local-stack.sh down)"
  while true; do
    sleep 2 &
    wait $! || true
    for name in "${STARTED[@]}"; do
      case $name in postgresql | redis) continue ;; esac
      if [[ ! -f $(pid_file "$name") ]]; then
        log "$name was stopped from elsewhere (scripts/local-stack.sh down?); exiting"
        KEEP_RUNNING=1 # 'down' owns the rest now
        return 0
      fi
      if ! is_running "$name"; then
        show_log_tail "$LOG_DIR/$name.log"
        die "$name exited unexpectedly"
      fi
    done
  done
}

cmd_up() {
  mkdir -p "$RUN_DIR" "$LOG_DIR" "$DOWNLOAD_DIR"
  if ! have curl; then
    apt_install curl
  fi
  select_jdk
  acquire_up_lock
  if stack_ready; then
    log "the local stack is already running; nothing to start"
    print_info
    return 0
  fi
  log "using JDK $(java_major "$JAVA_HOME/bin/java") at $JAVA_HOME"
  trap on_exit EXIT
  trap on_signal INT TERM

  ensure_postgresql
  ensure_redis
  start_keycloak # the slowest to boot (half a minute): it boots while the rest starts
  ensure_s3proxy
  ensure_stripe_stub
  ensure_partner_stub
  ensure_vapid_keys
  if ! bff_ready technician-bff || ! bff_ready customer-bff; then
    build_bffs # while Keycloak boots
  fi
  wait_ready keycloak "$DISCOVERY_URL" "$KEYCLOAK_READY_TIMEOUT"
  if [[ -n $KEYCLOAK_STARTED_AT ]]; then
    log "Keycloak ready after $((SECONDS - KEYCLOAK_STARTED_AT)) s"
  fi
  start_bff technician-bff # runs the migrations, so it goes first
  load_demo_data
  start_bff customer-bff
  release_up_lock
  print_info

  if [[ $DETACH == 1 ]]; then
    KEEP_RUNNING=1
    log "detached; stop with: scripts/local-stack.sh down"
    return 0
  fi
  if [[ ${#STARTED[@]} -eq 0 ]]; then
    KEEP_RUNNING=1
    return 0
  fi
  watch_started
}

cmd_down() {
  mkdir -p "$RUN_DIR"
  local name stopped=0
  for name in customer-bff technician-bff keycloak s3proxy stripe-stub partner-stub; do
    if [[ -f $(pid_file "$name") ]]; then
      stop_recorded "$name" & # side by side: each takes a second or two to stop
      stopped=1
    fi
  done
  wait
  if [[ -f $REDIS_PID_FILE ]]; then
    stop_redis
    stopped=1
  fi
  if [[ -f $PG_STARTED_FILE ]]; then
    stop_postgresql
    stopped=1
  fi
  if ((stopped)); then
    log "stopped"
  else
    log "nothing to stop (nothing recorded under ${RUN_DIR#"$GARAGE_ROOT/"})"
  fi
}

status_line() {
  printf '  %-15s %-5s %s\n' "$1" "$2" "$3"
}

process_status() {
  local name=$1 url=$2 pid owner health
  if pid=$(recorded_pid "$name"); then owner="pid $pid, started by local-stack"; else owner="not started by local-stack"; fi
  if http_ok "$url"; then health=up; else health=down; fi
  status_line "$name" "$health" "$url ($owner)"
  [[ $health == up ]]
}

cmd_status() {
  local ok=0 owner
  echo "Local stack status:"
  owner="external"
  [[ -f $PG_STARTED_FILE ]] && owner="started by local-stack"
  if pg_ready; then status_line postgresql up "127.0.0.1:$PG_PORT ($owner)"; else status_line postgresql down "127.0.0.1:$PG_PORT" && ok=1; fi
  owner="external"
  is_running redis && owner="pid $(recorded_pid redis), started by local-stack"
  if redis_ready; then status_line redis up "127.0.0.1:$REDIS_PORT ($owner)"; else status_line redis down "127.0.0.1:$REDIS_PORT" && ok=1; fi
  owner="external"
  is_running s3proxy && owner="pid $(recorded_pid s3proxy), started by local-stack"
  if port_open "$S3PROXY_PORT"; then status_line s3proxy up "$S3PROXY_URL ($owner)"; else status_line s3proxy down "$S3PROXY_URL" && ok=1; fi
  owner="external"
  is_running stripe-stub && owner="pid $(recorded_pid stripe-stub), started by local-stack"
  if port_open "$STRIPE_STUB_PORT"; then status_line stripe-stub up "$STRIPE_STUB_URL ($owner)"; else status_line stripe-stub down "$STRIPE_STUB_URL" && ok=1; fi
  owner="not started by local-stack"
  is_running partner-stub && owner="pid $(recorded_pid partner-stub), started by local-stack"
  if port_open "$PARTNER_STUB_PORT"; then status_line partner-stub up "$PARTNER_STUB_URL ($owner)"; else status_line partner-stub down "$PARTNER_STUB_URL" && ok=1; fi
  process_status keycloak "$DISCOVERY_URL" || ok=1
  process_status technician-bff "$(bff_ready_url technician-bff)" || ok=1
  process_status customer-bff "$(bff_ready_url customer-bff)" || ok=1
  echo "  logs: ${LOG_DIR#"$GARAGE_ROOT/"}/"
  return "$ok"
}

main() {
  local command=up
  while (($#)); do
    case $1 in
      up | down | status) command=$1 ;;
      --detach | -d) DETACH=1 ;;
      --skip-build) SKIP_BUILD=1 ;;
      -h | --help | help)
        usage
        return 0
        ;;
      *) die "unknown argument '$1' (try --help)" ;;
    esac
    shift
  done
  case $command in
    up) cmd_up ;;
    down) cmd_down ;;
    status) cmd_status ;;
  esac
}

main "$@"
