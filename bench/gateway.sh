#!/usr/bin/env bash
# Gateway benchmark, everything on 127.0.0.1, in sandbox mode:
#   (a) the gateway route   GET /v3/insee/sirene/unites_legales/{siren} through gateway-service
#       (JWT check, scope, parameters, the Redis guard script, provider call, journalled trace)
#   (b) nginx proxy_pass    the same provider route behind a plain nginx reverse proxy
#   (c) provider directly   provider-insee itself
# Prints requests/s, p50 and p99 for each and the gateway/nginx ratios. It starts what it measures
# (trace-service, token-service, provider-insee in sandbox mode and the gateway, on free ports, from a
# snapshot of the built applications; nginx) and stops all of it on exit.
#
# Usage: bench/gateway.sh   (BENCH_DURATION=20s BENCH_WARMUP=8s BENCH_CONNECTIONS=32 BENCH_THREADS=2
#                           BENCH_TOKENS=8 BENCH_JOURNAL_FSYNC=true)
# Needs: a JDK, PostgreSQL and Redis as scripts/infra.sh prepares them, the built services (built
# here when missing), wrk and nginx (installed with apt-get when absent and running as root).
# Secrets are the launcher's (~/.guichet/secrets.env) so that token-service can read its keys.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE=${GUICHET_HOME:-$HOME/.guichet}   # where bin/guichet keeps its secrets
REDIS_DB=${GUICHET_REDIS_DB:-0}
DURATION=${BENCH_DURATION:-20s}
WARMUP=${BENCH_WARMUP:-8s}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
TOKENS=${BENCH_TOKENS:-8}
SIREN=552049447
RECIPIENT=13002526500013
ROUTE=/v3/insee/sirene/unites_legales/$SIREN
WORK=$(mktemp -d /tmp/guichet-bench.XXXXXX)

say() { printf '[bench] %s\n' "$*" >&2; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

NGINX_PID=
PIDS=()
stop_all() { local p; for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null; done; for p in "${PIDS[@]:-}"; do [ -n "$p" ] && wait "$p" 2>/dev/null; done; }
cleanup() {
  set +e
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
  stop_all
  rm -rf "$WORK/apps"
  say "work files (logs, raw wrk output): $WORK"
}
trap cleanup EXIT

need() { # need <command> <apt package>
  command -v "$1" >/dev/null 2>&1 && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing $2"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null; }
  fi
  command -v "$1" >/dev/null 2>&1 || PATH=$PATH:/usr/sbin command -v "$1" >/dev/null 2>&1 || die "$1 is missing: apt-get install $2"
}
need wrk wrk
need nginx nginx-light
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

field() { sed -n "s/.*\"$1\" *: *\"\([^\"]*\)\".*/\1/p"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
await() { # await <url> <seconds>
  for _ in $(seq 1 $(($2 * 4))); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.25; done
  return 1
}

# --- 1. the suite (sandbox mode), from a snapshot of the built applications ----------------------
# Each service runs from a copy of its target/quarkus-app taken now, on a free port, so that a
# rebuild happening meanwhile cannot change what is measured.
snapshot() { # snapshot <module>
  local src="$ROOT/$1/target/quarkus-app"
  if [ ! -f "$src/quarkus-run.jar" ]; then
    say "building $1"
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl "$1") >"$WORK/build-$1.log" 2>&1 || die "build of $1 failed ($WORK/build-$1.log)"
  fi
  for _ in 1 2 3 4 5; do
    rm -rf "$WORK/apps/$1"; mkdir -p "$WORK/apps"
    cp -r "$src" "$WORK/apps/$1" 2>/dev/null && unzip -tq "$WORK/apps/$1/quarkus-run.jar" >/dev/null 2>&1 \
      && ! find "$WORK/apps/$1/lib" "$WORK/apps/$1/app" -name '*.jar' -size 0 | grep -q . && return 0
    say "$1 is being rebuilt: retrying its snapshot"; sleep 10
  done
  die "no consistent build of $1"
}
start() { # start <module> <port> <properties...>
  local module=$1 port=$2; shift 2
  java ${BENCH_JAVA_OPTS:--Xmx512m -XX:+UseSerialGC} -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" "$@" \
    -jar "$WORK/apps/$module/quarkus-run.jar" >"$WORK/$module.log" 2>&1 &
  PIDS+=($!)
}

for m in trace-service token-service provider-insee gateway-service; do snapshot "$m"; done
# Secrets: the launcher's (they match what its databases hold), else fresh ones for this run.
if [ -f "$STATE/secrets.env" ]; then
  # shellcheck disable=SC1091
  . "$STATE/secrets.env"
else
  ADMIN_SECRET=$(head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
  MASTER_KEY=$(head -c 32 /dev/urandom | base64)
  GATEWAY_TRACE_SECRET=$(head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
  TOKEN_TRACE_SECRET=$(head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
fi
DB="-Dquarkus.datasource.username=${GUICHET_DB_USER:-guichet} -Dquarkus.datasource.password=${GUICHET_DB_PASSWORD:-guichet}"
REDIS="-Dquarkus.redis.hosts=redis://127.0.0.1:6379/$REDIS_DB"
TRACE_PORT=$(free_port); TOKEN_PORT=$(free_port); INSEE_PORT=$(free_port); GATEWAY_PORT=$(free_port)
TRACE_SERVICE=http://127.0.0.1:$TRACE_PORT
TOKEN_SERVICE=http://127.0.0.1:$TOKEN_PORT
INSEE=http://127.0.0.1:$INSEE_PORT
GATEWAY=http://127.0.0.1:$GATEWAY_PORT
# shellcheck disable=SC2086
start trace-service "$TRACE_PORT" $DB \
  -Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:5432/guichet_trace \
  -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/guichet_trace \
  -Dguichet.trace.ingestion.clients.gateway="$GATEWAY_TRACE_SECRET" \
  -Dguichet.trace.ingestion.clients.token-service="$TOKEN_TRACE_SECRET" \
  -Dguichet.trace.jwks-url="$TOKEN_SERVICE/.well-known/jwks.json"
# shellcheck disable=SC2086
start token-service "$TOKEN_PORT" $DB $REDIS \
  -Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:5432/guichet_token \
  -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/guichet_token \
  -Dguichet.token.admin.bootstrap-secret="$ADMIN_SECRET" -Dguichet.token.keys.master-key="$MASTER_KEY" \
  -Dguichet.token.trace-service.url="$TRACE_SERVICE" -Dguichet.token.trace-service.secret="$TOKEN_TRACE_SECRET"
start provider-insee "$INSEE_PORT" $REDIS -Dguichet.provider.mode=sandbox -Dguichet.provider.public-base-url="$GATEWAY"
for u in "$TRACE_SERVICE" "$TOKEN_SERVICE" "$INSEE"; do
  await "$u/q/health/ready" 180 || { tail -30 "$WORK"/*.log >&2; die "$u not ready"; }
done

# --- 2. the gateway: its own journal, group quota out of the way of the measure ------------------
# shellcheck disable=SC2086
start gateway-service "$GATEWAY_PORT" $REDIS \
  -Dguichet.gateway.token-service.url="$TOKEN_SERVICE" \
  -Dguichet.gateway.trace-service.url="$TRACE_SERVICE" \
  -Dguichet.gateway.trace-service.secret="$GATEWAY_TRACE_SECRET" \
  -Dguichet.gateway.providers.insee.url="$INSEE" \
  -Dguichet.gateway.providers.dgfip.url=http://127.0.0.1:1 \
  -Dguichet.gateway.providers.acoss.url=http://127.0.0.1:1 \
  -Dguichet.gateway.journal.dir="$WORK/journal" \
  -Dguichet.gateway.journal.fsync="${BENCH_JOURNAL_FSYNC:-true}" \
  -Dguichet.gateway.limits.groups.json_resources_entreprise=100000000
await "$GATEWAY/q/health/ready" 120 || { tail -40 "$WORK/gateway-service.log" >&2; die "gateway not ready"; }

# --- 3. tokens: several habilitations at the highest per-minute quota token-service grants -----
ADMIN=$(curl -fsS -X POST -u "admin:$ADMIN_SECRET" "$TOKEN_SERVICE/auth/admin-tokens" | field access_token)
[ -n "$ADMIN" ] || die "no admin token from token-service"
unique_siret() {
  python3 - <<'PY'
import random
def luhn(s):
    t = 0
    for i, c in enumerate(reversed(s)):
        d = int(c)
        if i % 2: d = d * 2 - 9 if d * 2 > 9 else d * 2
        t += d
    return t % 10 == 0
while True:
    s = "9" + "".join(random.choice("0123456789") for _ in range(12))
    for c in "0123456789":
        if luhn(s + c) and luhn((s + c)[:9]):
            print(s + c); raise SystemExit
PY
}
post() { curl -fsS -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -d "$2" "$TOKEN_SERVICE$1"; }
LUA_TOKENS=""
for i in $(seq 1 "$TOKENS"); do
  siret=$(unique_siret)
  post /admin/organisations "{\"siret\":\"$siret\",\"name\":\"Banc d'essai $i\"}" >/dev/null
  hab=$(post /admin/habilitations "{\"organisation_siret\":\"$siret\",\"api_kind\":\"entreprise\",\"intitule\":\"Banc d'essai $i\",\"legal_basis\":\"Mesure de performance\",\"scopes\":[\"unites_legales_etablissements_insee\"],\"rate_limit_per_minute\":100000,\"allowed_ips\":[],\"environment\":\"sandbox\",\"contacts\":{\"demandeur\":{\"email\":\"bench@example.org\",\"phone\":\"0102030405\"},\"technique\":{\"email\":\"bench@example.org\",\"phone\":\"0102030405\"},\"metier\":{\"email\":\"bench@example.org\",\"phone\":\"0102030405\"}}}" | field id | head -1)
  token=$(post "/admin/habilitations/$hab/validate" '{"reason":"Banc d essai"}' | field token)
  [ -n "$token" ] || die "could not issue bench token $i"
  LUA_TOKENS="$LUA_TOKENS\"$token\","
done

QUERY="context=Banc&recipient=$RECIPIENT"
# Tokens in rotation and a distinct object per request: no per-token quota and no duplicate guard
# ever refuses a call, so every path measured is the full 200 path.
cat >"$WORK/gateway.lua" <<LUA
local tokens = {$LUA_TOKENS}
local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end
local n = 0
request = function()
  n = n + 1
  local headers = { ["Authorization"] = "Bearer " .. tokens[((n + id) % #tokens) + 1] }
  return wrk.format("GET", "$ROUTE?$QUERY&object=bench-" .. id .. "-" .. n, headers)
end
LUA
cat >"$WORK/plain.lua" <<LUA
local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "$ROUTE?$QUERY&object=bench-" .. id .. "-" .. n)
end
LUA

# --- 4. nginx proxy_pass to the same provider ---------------------------------------------------
NGINX_PORT=$(free_port)
mkdir -p "$WORK/nginx/logs"
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  upstream insee { server 127.0.0.1:$INSEE_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://insee;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Request-ID \$request_id;
    }
  }
}
CONF
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
await "http://127.0.0.1:$NGINX_PORT$ROUTE?$QUERY&object=check" 20 || die "nginx did not start (see $WORK/nginx/error.log)"
curl -fsS -o /dev/null -H "Authorization: Bearer $(echo "$LUA_TOKENS" | cut -d'"' -f2)" \
  "$GATEWAY$ROUTE?$QUERY&object=check" || die "the gateway route does not answer 200"

# --- 5. measure --------------------------------------------------------------------------------
run() { # run <name> <base url> <lua>
  say "$1: warm-up $WARMUP"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$3" "$2" >/dev/null
  say "$1: measuring $DURATION, $CONNECTIONS connections, $THREADS threads"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$3" "$2" >"$WORK/$1.txt"
}
run gateway "$GATEWAY" "$WORK/gateway.lua"
run nginx "http://127.0.0.1:$NGINX_PORT" "$WORK/plain.lua"
run provider "$INSEE" "$WORK/plain.lua"

rps() { awk '/^Requests\/sec/ {print $2}' "$WORK/$1.txt"; }
pct() { awk -v p="$2%" '$1 == p {print $2}' "$WORK/$1.txt"; }
errors() { awk '/Non-2xx/ {print $NF} /Socket errors/ {print "socket:" $0}' "$WORK/$1.txt" | paste -sd' '; }
ms() { # wrk prints 850.00us / 1.20ms / 1.02s
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); print v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); print v + 0 } else if (v ~ /s$/) { sub(/s$/, "", v); print v * 1000 } else print v }'
}

printf '\n%-10s %12s %10s %10s  %s\n' "target" "requests/s" "p50 ms" "p99 ms" "non-2xx"
for t in gateway nginx provider; do
  printf '%-10s %12s %10s %10s  %s\n' "$t" "$(rps $t)" "$(ms "$(pct $t 50)")" "$(ms "$(pct $t 99)")" "$(errors $t)"
done
awk -v g="$(rps gateway)" -v n="$(rps nginx)" -v gp="$(ms "$(pct gateway 99)")" -v np="$(ms "$(pct nginx 99)")" \
  'BEGIN { printf "\ngateway/nginx: throughput %.2f, p99 %.2f\n", g / n, gp / np }'
printf 'command: BENCH_DURATION=%s BENCH_CONNECTIONS=%s BENCH_THREADS=%s BENCH_TOKENS=%s BENCH_JOURNAL_FSYNC=%s bench/gateway.sh (%s cores)\n' \
  "$DURATION" "$CONNECTIONS" "$THREADS" "$TOKENS" "${BENCH_JOURNAL_FSYNC:-true}" "$(nproc)"
