# shellcheck shell=bash
# PostgreSQL and Redis on loopback: installed with apt-get when missing, started when down.
# Sourced after common.sh by scripts/local-stack.sh and scripts/test-env.sh.

REDIS_PID_FILE="$RUN_DIR/redis.pid"
PG_STARTED_FILE="$RUN_DIR/postgresql.started"
STARTED=() # what this run started, in start order (postgresql redis keycloak technician-bff customer-bff)

# ---------------------------------------------------------------- packages

APT_UPDATED=0
apt_install() {
  if ! have apt-get; then
    die "apt-get not found: install $* by hand"
  fi
  if [[ $APT_UPDATED == 0 ]]; then
    log "apt-get update"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    APT_UPDATED=1
  fi
  log "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# ---------------------------------------------------------------- PostgreSQL

pg_ready() { pg_isready -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null; }

ensure_postgresql_installed() {
  if ! have pg_ctlcluster || ! have psql || ! have pg_isready; then
    apt_install postgresql
  fi
}

# "<version> <cluster>" of the cluster on PG_PORT; creates one when there is none.
pg_cluster() {
  local line version
  line=$(pg_lsclusters --no-header 2>/dev/null | awk -v port="$PG_PORT" '$3 == port {print $1, $2; exit}')
  if [[ -z $line ]]; then
    version=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | sort -n | tail -n 1)
    [[ -n $version ]] || die "PostgreSQL is installed but no server version found under /usr/lib/postgresql"
    log "creating PostgreSQL cluster $version/main on port $PG_PORT"
    as_root pg_createcluster "$version" main --port "$PG_PORT" >/dev/null
    line="$version main"
  fi
  printf '%s\n' "$line"
}

start_postgresql() {
  local version cluster i
  read -r version cluster <<<"$(pg_cluster)"
  log "starting PostgreSQL $version/$cluster"
  if as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start 9>&-; then
    printf 'pg_ctlcluster %s %s\n' "$version" "$cluster" >"$PG_STARTED_FILE"
  else
    warn "pg_ctlcluster failed; trying 'service postgresql start'"
    as_root service postgresql start 9>&-
    printf 'service\n' >"$PG_STARTED_FILE"
  fi
  STARTED+=(postgresql)
  for ((i = 0; i < 60; i++)); do
    pg_ready && return 0
    sleep 0.5
  done
  die "PostgreSQL did not accept connections on 127.0.0.1:$PG_PORT within 30 s (see /var/log/postgresql/)"
}

# psql as the postgres superuser over the local socket; SQL on stdin.
psql_superuser() {
  if [[ $EUID -eq 0 ]]; then
    (cd / && su postgres -c "psql -X -q -v ON_ERROR_STOP=1 -p $PG_PORT -d postgres")
  else
    (cd / && sudo -u postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres)
  fi
}

# psql as the garage's user on its database; SQL on stdin.
psql_garage() {
  PGPASSWORD=$PG_PASSWORD psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d "$PG_DATABASE"
}

garage_db_reachable() {
  PGPASSWORD=$PG_PASSWORD PGCONNECT_TIMEOUT=5 psql -X -q -h 127.0.0.1 -p "$PG_PORT" \
    -U "$PG_USER" -d "$PG_DATABASE" -c 'select 1' >/dev/null 2>&1
}

ensure_garage_database() {
  log "ensuring role '$PG_USER' and database '$PG_DATABASE'"
  psql_superuser <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
    CREATE ROLE $PG_USER LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
  ELSE
    ALTER ROLE $PG_USER LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
  END IF;
END
\$\$;
SELECT 'CREATE DATABASE $PG_DATABASE OWNER $PG_USER'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$PG_DATABASE') \gexec
ALTER DATABASE $PG_DATABASE OWNER TO $PG_USER;
SQL
  if ! garage_db_reachable; then
    PGPASSWORD=$PG_PASSWORD psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d "$PG_DATABASE" -c 'select 1' 2>&1 | sed 's/^/    /' >&2 || true
    die "cannot log in to $PG_DATABASE as $PG_USER/$PG_PASSWORD over 127.0.0.1:$PG_PORT (check pg_hba.conf)"
  fi
}

ensure_postgresql() {
  ensure_postgresql_installed
  if pg_ready; then
    log "PostgreSQL already runs on 127.0.0.1:$PG_PORT"
  else
    start_postgresql
  fi
  if garage_db_reachable; then
    log "database $PG_DATABASE is reachable as $PG_USER"
  else
    ensure_garage_database
  fi
}

stop_postgresql() {
  [[ -f $PG_STARTED_FILE ]] || return 0
  local how version cluster
  read -r how version cluster <"$PG_STARTED_FILE"
  rm -f "$PG_STARTED_FILE"
  log "stopping PostgreSQL (started by local-stack)"
  if [[ $how == pg_ctlcluster ]]; then
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" stop || true
  else
    as_root service postgresql stop || true
  fi
}

# ---------------------------------------------------------------- Redis

# PING over plain TCP, so that no redis-cli is needed.
redis_ready() {
  (
    exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT" || exit 1
    printf 'PING\r\n' >&3
    read -r -t 2 reply <&3 || exit 1
    [[ $reply == "+PONG"* ]]
  ) 2>/dev/null
}

ensure_redis() {
  if redis_ready; then
    log "Redis already runs on 127.0.0.1:$REDIS_PORT"
    return 0
  fi
  if ! have redis-server; then
    apt_install redis-server
  fi
  redis_ready && return 0 # the package may have started it
  port_open "$REDIS_PORT" && die "port $REDIS_PORT is taken by something that is not Redis"
  log "starting Redis on 127.0.0.1:$REDIS_PORT"
  rm -f "$REDIS_PID_FILE"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --pidfile "$REDIS_PID_FILE" --logfile "$LOG_DIR/redis.log" 9>&-
  STARTED+=(redis)
  local i
  for ((i = 0; i < 20; i++)); do
    redis_ready && return 0
    sleep 0.5
  done
  show_log_tail "$LOG_DIR/redis.log"
  die "Redis did not answer on 127.0.0.1:$REDIS_PORT"
}

