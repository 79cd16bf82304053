#!/usr/bin/env bash
# Makes PostgreSQL and Redis available on 127.0.0.1 for Guichet, idempotently.
# Used by bin/guichet (local suite) and .ci/run (tests). Installs with apt-get when absent and
# running as root; otherwise says exactly what to install.
#
# Environment (defaults): GUICHET_PG_PORT=5432 GUICHET_REDIS_PORT=6379
#   GUICHET_DB_USER=guichet GUICHET_DB_PASSWORD=guichet
set -euo pipefail

PG_PORT=${GUICHET_PG_PORT:-5432}
REDIS_PORT=${GUICHET_REDIS_PORT:-6379}
DB_USER=${GUICHET_DB_USER:-guichet}
DB_PASSWORD=${GUICHET_DB_PASSWORD:-guichet}
# dev/launcher, @QuarkusTest, integration tests: one database per owning service and use.
DATABASES=(guichet_token guichet_trace guichet_token_test guichet_trace_test guichet_it_token guichet_it_trace)

log() { printf '[infra] %s\n' "$*" >&2; }
die() { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }

apt_updated=0
apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    die "missing: $*. Install them as root, e.g.: sudo apt-get install -y $*   (then re-run)"
  fi
  if [ $apt_updated -eq 0 ]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    apt_updated=1
  fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -s /bin/sh -c "$*"
  else
    sudo -n -u postgres sh -c "$*" 2>/dev/null || die "cannot act as the postgres user; run as root or give sudo rights"
  fi
}

pg_ready() { pg_isready -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null; }

ensure_postgres() {
  if ! command -v pg_isready >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    apt_install postgresql postgresql-client
  fi
  if pg_ready; then
    log "PostgreSQL answers on 127.0.0.1:$PG_PORT"
  else
    [ "$(id -u)" -eq 0 ] || die "PostgreSQL is installed but not running on 127.0.0.1:$PG_PORT; start it (e.g. sudo pg_ctlcluster <version> main start)"
    local version
    version=$(ls /usr/lib/postgresql | sort -V | tail -1)
    if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$version main$"; then
      log "creating PostgreSQL $version cluster 'main' on port $PG_PORT"
      pg_createcluster -p "$PG_PORT" "$version" main >/dev/null
    fi
    log "starting PostgreSQL $version/main"
    pg_ctlcluster "$version" main start || true
    for _ in $(seq 1 60); do pg_ready && break; sleep 0.5; done
    pg_ready || die "PostgreSQL did not become ready on 127.0.0.1:$PG_PORT (see /var/log/postgresql/)"
  fi
  local psql_cmd="psql -v ON_ERROR_STOP=1 -q -p $PG_PORT"
  as_postgres "$psql_cmd -d postgres" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
    CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD';
  ELSE
    ALTER ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD';
  END IF;
END \$\$;
SQL
  for db in "${DATABASES[@]}"; do
    if ! as_postgres "psql -p $PG_PORT -tAc \"SELECT 1 FROM pg_database WHERE datname = '$db'\" postgres" | grep -q 1; then
      log "creating database $db"
      as_postgres "createdb -p $PG_PORT -O $DB_USER $db"
    fi
  done
  log "databases ready: ${DATABASES[*]} (owner $DB_USER)"
}

redis_ready() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; }

ensure_redis() {
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server
  if redis_ready; then
    log "Redis answers on 127.0.0.1:$REDIS_PORT"
    return
  fi
  local dir=${GUICHET_REDIS_DIR:-/var/lib/redis}
  [ -w "$dir" ] 2>/dev/null || dir=$(mktemp -d)
  log "starting Redis on 127.0.0.1:$REDIS_PORT (data in $dir)"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$dir" \
    --logfile "$dir/redis-guichet.log" --save "" --appendonly no >/dev/null
  for _ in $(seq 1 40); do redis_ready && break; sleep 0.25; done
  redis_ready || die "Redis did not become ready on 127.0.0.1:$REDIS_PORT"
}

ensure_postgres
ensure_redis
