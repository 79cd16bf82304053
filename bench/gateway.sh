#!/usr/bin/env bash
# Gateway benchmark, everything on 127.0.0.1, in sandbox mode:
#   (a) the gateway route   GET /v3/insee/sirene/unites_legales/{siren} through gateway-service
#       (JWT check, scope, parameters, the Redis guard script, provider call, journalled trace)
#   (b) nginx proxy_pass    the same provider route behind a plain nginx reverse proxy
#   (c) provider directly   provider-insee itself
# In one run it prints, for each of two load shapes (BENCH_CONNECTIONS, 32 by default, then
# BENCH_CONNECTIONS_HIGH, 256): requests/s, p50 and p99 of the three targets, the gateway/nginx
# ratios (throughput and p99), the non-2xx answers; the gateway's CPU time per request (utime +
# stime of /proc/<pid>/stat around each measure), the same for every process at work (the other
# services, Redis, PostgreSQL) and the machine's busy time, and the gateway's resident set (VmRSS
# idle, after the runs, and its peak VmHWM); then a third run through the gateway where part of the calls
# (BENCH_QUOTA_SHARE %) carry tokens already at their quota, with the mix of statuses (200/429).
# The 1-minute load average is printed before and after each measure: compare figures of one run.
# It starts what it measures (trace-service, token-service, provider-insee in sandbox mode and the
# gateway, on free ports, from a snapshot of the built applications; nginx) and stops all of it on
# exit; every run of wrk has a fixed duration, so the script ends by itself.
#
# Usage: bench/gateway.sh [--profile]
#   --profile (or BENCH_PROFILE=1): after the measures, one more gateway run of the first shape
#     under async-profiler (CPU samples, Maven Central tools.profiler:async-profiler resolved with
#     the Maven wrapper into bench/target/), written as a flame graph HTML
#     (BENCH_PROFILE_OUT, default $WORK/gateway-flame.html) and summarised (top frames).
#   BENCH_PROFILE_ALSO="trace-service provider-insee": these services are sampled during the same
#     profiled run, each into $WORK/<service>-flame.html and <service>.collapsed (where the rest of
#     the machine's time per call goes).
#   knobs: BENCH_DURATION=20s BENCH_WARMUP=8s BENCH_CONNECTIONS=32 BENCH_CONNECTIONS_HIGH=256
#     BENCH_THREADS=2 BENCH_TOKENS=8 BENCH_QUOTA_SHARE=50 BENCH_JOURNAL_FSYNC=true
#     BENCH_COMMIT_DELAY (the gateway's journal.commit-delay, e.g. PT0S; its default otherwise)
#     BENCH_SETTLE=60 (most seconds to wait, after start, for a 1-minute load average below 1.5)
#     BENCH_JIT_WARMUP=150s (one unmeasured run through the gateway and one on the provider first)
#     BENCH_RUNS="gateway-c32 nginx-c32 ..." (only these runs: gateway|nginx|provider-c<n>, quota-c<n>)
#     BENCH_JAVA_OPTS (JVM options of the started services, default "-Xmx512m -XX:+UseSerialGC")
#     BENCH_GATEWAY_APP=<a quarkus-app directory> to measure another build of the gateway
#     BENCH_GATEWAY_OPTS (more JVM options of the gateway alone, e.g. -Dquarkus.vertx.event-loops-pool-size=2)
# Needs: a JDK, PostgreSQL and Redis as scripts/infra.sh prepares them, the built services (built
# here when missing), wrk and nginx (installed with apt-get when absent and running as root).
# Secrets are the launcher's (~/.guichet/secrets.env) so that token-service can read its keys.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE=${GUICHET_HOME:-$HOME/.guichet}   # where bin/guichet keeps its secrets
REDIS_DB=${GUICHET_REDIS_DB:-0}
DURATION=${BENCH_DURATION:-20s}
WARMUP=${BENCH_WARMUP:-8s}
JIT_WARMUP=${BENCH_JIT_WARMUP:-150s}
RUNS=${BENCH_RUNS:-}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
CONNECTIONS_HIGH=${BENCH_CONNECTIONS_HIGH:-256}
TOKENS=${BENCH_TOKENS:-8}
QUOTA_SHARE=${BENCH_QUOTA_SHARE:-50}
PROFILE=${BENCH_PROFILE:-0}
PROFILE_ALSO=${BENCH_PROFILE_ALSO:-}
[ "${1:-}" = --profile ] && PROFILE=1
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx512m -XX:+UseSerialGC}
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
  [ "$1" = gateway-service ] && [ -n "${BENCH_GATEWAY_APP:-}" ] && src=$BENCH_GATEWAY_APP
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
declare -A SECRET_ENV   # module -> "NAME=value ..." exported to its environment
declare -A PID_OF       # module -> pid of its JVM
start() { # start <module> <port> <properties...>
  local module=$1 port=$2; shift 2
  # Secrets go to the process environment (export is a builtin), never a command line, as the
  # launcher does; the subshell execs java, so the pid recorded is the JVM's.
  # shellcheck disable=SC2086
  ( [ -n "${SECRET_ENV[$module]:-}" ] && export ${SECRET_ENV[$module]}
    exec java $JAVA_OPTS -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" "$@" \
      -jar "$WORK/apps/$module/quarkus-run.jar" ) >"$WORK/$module.log" 2>&1 &
  PIDS+=($!)
  PID_OF[$module]=$!
}

for m in trace-service token-service provider-insee gateway-service; do snapshot "$m"; done
# Secrets: the launcher's, drawn once into its state folder when absent, so that they match what
# the databases hold from one run to the next (token-service cannot read keys sealed with another
# master key).
( set +u; . "$ROOT/bin/guichet"; load_secrets )
# shellcheck disable=SC1091
. "$STATE/secrets.env"
SECRET_ENV[token-service]="GUICHET_SERVICE_AUTH_SECRET=$SERVICE_AUTH_SECRET"
SECRET_ENV[gateway-service]="GUICHET_SERVICE_AUTH_SECRET=$SERVICE_AUTH_SECRET GUICHET_GATEWAY_TRACE_SALT=$TRACE_SALT"
# Several JVMs starting at once on a busy machine can take longer than the default 5 s to open
# their first database connection (the launcher sets the same).
DB="-Dquarkus.datasource.username=${GUICHET_DB_USER:-guichet} -Dquarkus.datasource.password=${GUICHET_DB_PASSWORD:-guichet} -Dquarkus.datasource.jdbc.acquisition-timeout=30S"
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
  ${BENCH_COMMIT_DELAY:+-Dguichet.gateway.journal.commit-delay=$BENCH_COMMIT_DELAY} \
  -Dguichet.gateway.limits.groups.json_resources_entreprise=100000000 -Dvertx.disableURIValidation=true \
  ${BENCH_GATEWAY_OPTS:-}
await "$GATEWAY/q/health/ready" 120 || { tail -40 "$WORK/gateway-service.log" >&2; die "gateway not ready"; }
GATEWAY_PID=${PIDS[${#PIDS[@]}-1]}

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
issue_token() { # issue_token <n> <rate_limit_per_minute>: a new organisation, habilitation and token
  local siret hab token
  siret=$(unique_siret)
  post /admin/organisations "{\"siret\":\"$siret\",\"name\":\"Banc d'essai $1\"}" >/dev/null
  hab=$(post /admin/habilitations "{\"organisation_siret\":\"$siret\",\"api_kind\":\"entreprise\",\"intitule\":\"Banc d'essai $1\",\"legal_basis\":\"Mesure de performance\",\"scopes\":[\"unites_legales_etablissements_insee\"],\"rate_limit_per_minute\":$2,\"allowed_ips\":[],\"environment\":\"sandbox\",\"contacts\":{\"demandeur\":{\"email\":\"bench@example.org\",\"phone\":\"0102030405\"},\"technique\":{\"email\":\"bench@example.org\",\"phone\":\"0102030405\"},\"metier\":{\"email\":\"bench@example.org\",\"phone\":\"0102030405\"}}}" | field id | head -1)
  token=$(post "/admin/habilitations/$hab/validate" '{"reason":"Banc d essai"}' | field token)
  [ -n "$token" ] || die "could not issue bench token $1"
  printf '"%s",' "$token"
}
LUA_TOKENS=""
for i in $(seq 1 "$TOKENS"); do LUA_TOKENS="$LUA_TOKENS$(issue_token "$i" 100000)"; done
# Tokens of habilitations allowed one call a minute: after their first call they are at their
# quota, and every further call with them is answered 429 by the Redis guard.
LUA_QUOTA_TOKENS=""
for i in 1 2; do LUA_QUOTA_TOKENS="$LUA_QUOTA_TOKENS$(issue_token "quota-$i" 1)"; done

QUERY="context=Banc&recipient=$RECIPIENT"
# Tokens in rotation and a distinct object per request: no per-token quota and no duplicate guard
# ever refuses a call, so every path measured is the full 200 path.
cat >"$WORK/gateway.lua" <<LUA
dofile("$ROOT/bench/wrk-statuses.lua")
local tokens = {$LUA_TOKENS}
local n = 0
request = function()
  n = n + 1
  local headers = { ["Authorization"] = "Bearer " .. tokens[((n + id) % #tokens) + 1] }
  return wrk.format("GET", "$ROUTE?$QUERY&object=bench-" .. run .. "-" .. id .. "-" .. n, headers)
end
LUA
# The quota mix: QUOTA_SHARE % of the calls carry a token at its quota; statuses are counted per
# wrk thread and summed at the end (one "status <code> <count>" line each).
cat >"$WORK/quota.lua" <<LUA
dofile("$ROOT/bench/wrk-statuses.lua")
local tokens = {$LUA_TOKENS}
local limited = {$LUA_QUOTA_TOKENS}
local n = 0
request = function()
  n = n + 1
  local token
  if (n % 100) < $QUOTA_SHARE then token = limited[(n % #limited) + 1] else token = tokens[((n + id) % #tokens) + 1] end
  return wrk.format("GET", "$ROUTE?$QUERY&object=quota-" .. run .. "-" .. id .. "-" .. n, { ["Authorization"] = "Bearer " .. token })
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
CLK_TCK=$(getconf CLK_TCK)
loadavg() { cut -d' ' -f1 /proc/loadavg; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # utime + stime of a process, in ticks
proc_kb() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status"; }   # VmRSS / VmHWM, kB
# run <name> <base url> <lua> <connections>: warm-up, then the measure, wrk's report in $WORK/<name>.txt;
# around the measure: the load average, and the gateway's CPU ticks for the gateway's runs.
# wanted <run name>: whether BENCH_RUNS (names separated by spaces or commas, default all) asks for it.
wanted() { [ -z "$RUNS" ] || [[ ",${RUNS// /,}," == *",$1,"* ]]; }
run() {
  local name=$1 url=$2 lua=$3 conns=$4 before after
  say "$name: warm-up $WARMUP, $conns connections"
  timeout 600 wrk -t"$THREADS" -c"$conns" -d"$WARMUP" -s "$lua" "$url" >/dev/null
  # The previous runs' trace events are shipped first: trace-service's work on them is not this measure's.
  local drained_by=$((SECONDS + 60))
  while [ "$SECONDS" -lt "$drained_by" ] && [ "$(gateway_counters | awk '$1 == "guichet_gateway_journal_pending_events" {print int($2)}')" -gt 1000 ] 2>/dev/null; do sleep 1; done
  say "$name: measuring $DURATION, $conns connections, $THREADS threads"
  echo "$(loadavg)" >"$WORK/$name.load"
  before=$(cpu_ticks "$GATEWAY_PID")
  cpu_by_process >"$WORK/$name.cpu-before"
  gateway_counters >"$WORK/$name.counters-before"
  timeout 600 wrk -t"$THREADS" -c"$conns" -d"$DURATION" --latency -s "$lua" "$url" >"$WORK/$name.txt"
  gateway_counters >"$WORK/$name.counters-after"
  cpu_by_process >"$WORK/$name.cpu-after"
  after=$(cpu_ticks "$GATEWAY_PID")
  echo "$(loadavg)" >>"$WORK/$name.load"
  echo $((after - before)) >"$WORK/$name.ticks"
}
# gateway_counters: the gateway's own counters of how it groups work (journal commits and the events
# they carry, Redis batches and the commands they carry), from its Prometheus endpoint.
gateway_counters() {
  curl -fsS "$GATEWAY/q/metrics" 2>/dev/null | awk '/^guichet_gateway_((journal_commits|journal_committed_events|redis_batches|redis_batched_commands|traces_shipped)_total|journal_pending_events) / {print $1, $2}'
}
# grouping <run>: events per journal commit and Redis commands per batch during the measure.
grouping() {
  [ -f "$WORK/$1.counters-after" ] || return 0
  awk 'FNR == NR {b[$1] = $2; next} {d[$1] = $2 - b[$1]}
       END {
         c = d["guichet_gateway_journal_commits_total"]; e = d["guichet_gateway_journal_committed_events_total"]
         r = d["guichet_gateway_redis_batches_total"]; k = d["guichet_gateway_redis_batched_commands_total"]
         if (c > 0) printf "journal: %d commits, %.2f events per commit; ", c, e / c
         if (r > 0) printf "Redis: %d batches, %.2f commands per batch; ", r, k / r
         printf "trace events shipped to trace-service during the measure: %d", d["guichet_gateway_traces_shipped_total"]
         print ""
       }' "$WORK/$1.counters-before" "$WORK/$1.counters-after"
}
# cpu_by_process: "<name> <ticks>" for every process that works during a measure (the four
# services, Redis, PostgreSQL's processes, nginx's) and the machine's busy ticks (/proc/stat), to
# see where the machine's CPU goes; what the list leaves is mostly wrk's and the kernel's.
cpu_by_process() {
  local m p
  for m in gateway-service trace-service token-service provider-insee; do echo "$m $(cpu_ticks "${PID_OF[$m]}")"; done
  awk '$1 == "cpu" {print "machine", $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat
  for p in redis-server postgres nginx; do
    echo "$p $(pgrep -x "$p" | while read -r q; do cpu_ticks "$q" 2>/dev/null || true; done | awk '{t += $1} END {print t + 0}')"
  done
}

RSS_IDLE=$(proc_kb "$GATEWAY_PID" VmRSS)
say "gateway idle: VmRSS $((RSS_IDLE / 1024)) MB; load average $(loadavg)"
# The services have just started (class loading, their own JIT): measures begin once the machine
# is back to rest, at most BENCH_SETTLE seconds later.
settle_until=$((SECONDS + ${BENCH_SETTLE:-60}))
while [ "$SECONDS" -lt "$settle_until" ] && awk '{exit !($1 > 1.5)}' /proc/loadavg; do sleep 5; done
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
say "load average before the runs: $LOAD_BEFORE"
# One longer run first for each JVM measured (gateway, provider), not measured: the JIT compiles
# their hot paths (C2) before any figure is taken, as it has long done in a service in production.
timeout 600 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$JIT_WARMUP" -s "$WORK/gateway.lua" "$GATEWAY" >/dev/null
timeout 600 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$JIT_WARMUP" -s "$WORK/plain.lua" "$INSEE" >/dev/null
SHAPES=("$CONNECTIONS" "$CONNECTIONS_HIGH")
for c in "${SHAPES[@]}"; do
  wanted "gateway-c$c" && run "gateway-c$c" "$GATEWAY" "$WORK/gateway.lua" "$c"
  wanted "nginx-c$c" && run "nginx-c$c" "http://127.0.0.1:$NGINX_PORT" "$WORK/plain.lua" "$c"
  wanted "provider-c$c" && run "provider-c$c" "$INSEE" "$WORK/plain.lua" "$c"
done
wanted "quota-c$CONNECTIONS" && run "quota-c$CONNECTIONS" "$GATEWAY" "$WORK/quota.lua" "$CONNECTIONS"
RSS_AFTER=$(proc_kb "$GATEWAY_PID" VmRSS)
RSS_PEAK=$(proc_kb "$GATEWAY_PID" VmHWM)

# --- 6. optional: the same gateway run under async-profiler -------------------------------------
# The profiler is loaded into the running gateway with jcmd (JVMTI.agent_load, the mechanism of
# async-profiler's own launcher) after a warm-up, sampled for BENCH_DURATION, then asked to write
# its flame graph. It runs after the measures so that its overhead is in none of the figures.
if [ "$PROFILE" = 1 ]; then
  AP_VERSION=${BENCH_ASYNC_PROFILER_VERSION:-4.2}
  AP_DIR=$ROOT/bench/target/async-profiler-$AP_VERSION
  case $(uname -m) in x86_64) AP_ARCH=linux-x64;; aarch64) AP_ARCH=linux-arm64;; *) die "no async-profiler build for $(uname -m)";; esac
  if [ ! -f "$AP_DIR/$AP_ARCH/libasyncProfiler.so" ]; then
    say "resolving tools.profiler:async-profiler:$AP_VERSION into $AP_DIR"
    (cd "$ROOT" && ./mvnw -B -q -ntp org.apache.maven.plugins:maven-dependency-plugin:3.7.1:copy \
      -Dartifact="tools.profiler:async-profiler:$AP_VERSION" -DoutputDirectory="$AP_DIR") >"$WORK/async-profiler.log" 2>&1 \
      || die "could not resolve async-profiler ($WORK/async-profiler.log)"
    (cd "$AP_DIR" && unzip -oq "async-profiler-$AP_VERSION.jar" "$AP_ARCH/libasyncProfiler.so")
  fi
  AP_LIB=$AP_DIR/$AP_ARCH/libasyncProfiler.so
  PROFILE_OUT=${BENCH_PROFILE_OUT:-$WORK/gateway-flame.html}
  say "profile: warm-up $WARMUP"
  timeout 600 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$WORK/gateway.lua" "$GATEWAY" >/dev/null
  # jcmd parses "name=value" words itself: the agent's options go as one quoted string.
  jcmd "$GATEWAY_PID" JVMTI.agent_load "$AP_LIB" '"start,event=cpu,interval=1ms"' >"$WORK/profile-start.txt" 2>&1 \
    || die "async-profiler did not start ($WORK/profile-start.txt)"
  grep -q 'return code: 0' "$WORK/profile-start.txt" || die "async-profiler did not start: $(cat "$WORK/profile-start.txt"), see $WORK/gateway-service.log"
  for svc in $PROFILE_ALSO; do
    [ -n "${PID_OF[$svc]:-}" ] || die "BENCH_PROFILE_ALSO: no started service named $svc"
    jcmd "${PID_OF[$svc]}" JVMTI.agent_load "$AP_LIB" '"start,event=cpu,interval=1ms"' >"$WORK/profile-start-$svc.txt" 2>&1 \
      && grep -q 'return code: 0' "$WORK/profile-start-$svc.txt" || die "async-profiler did not start in $svc ($WORK/profile-start-$svc.txt)"
  done
  say "profile: sampling the gateway${PROFILE_ALSO:+ and $PROFILE_ALSO} for $DURATION, $CONNECTIONS connections"
  timeout 600 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/gateway.lua" "$GATEWAY" >"$WORK/profiled.txt"
  for svc in $PROFILE_ALSO; do
    jcmd "${PID_OF[$svc]}" JVMTI.agent_load "$AP_LIB" "\"dump,collapsed,file=$WORK/$svc.collapsed\"" >/dev/null 2>&1 || true
    jcmd "${PID_OF[$svc]}" JVMTI.agent_load "$AP_LIB" "\"stop,file=$WORK/$svc-flame.html\"" >/dev/null 2>&1 || true
  done
  # The same samples three ways: the hottest frames (text), the stacks (collapsed, one line per
  # stack: for sums per component), then the flame graph, which also stops the profiler.
  jcmd "$GATEWAY_PID" JVMTI.agent_load "$AP_LIB" "\"dump,flat=25,traces=0,file=$WORK/profile-top.txt\"" >/dev/null 2>&1 || true
  jcmd "$GATEWAY_PID" JVMTI.agent_load "$AP_LIB" "\"dump,collapsed,file=$WORK/profile.collapsed\"" >/dev/null 2>&1 || true
  jcmd "$GATEWAY_PID" JVMTI.agent_load "$AP_LIB" "\"stop,file=$PROFILE_OUT\"" \
    >"$WORK/profile-stop.txt" 2>&1 || die "async-profiler did not stop ($WORK/profile-stop.txt)"
fi

# --- 7. report ---------------------------------------------------------------------------------
rps() { awk '/^Requests\/sec/ {print $2}' "$WORK/$1.txt"; }
requests() { awk '/requests in/ {print $1}' "$WORK/$1.txt"; }
pct() { awk -v p="$2%" '$1 == p {print $2}' "$WORK/$1.txt"; }
errors() { # wrk's non-2xx count (with the statuses the gateway's scripts counted) and socket errors
  awk '/Non-2xx/ {n = $NF} /Socket errors/ {sub(/^ */, ""); e = $0} $1 == "status" && $2 !~ /^2/ {c = c " " $2 ":" $3}
    END { if (n != "") printf "non-2xx:%s%s ", n, (c != "" ? " (" substr(c, 2) ")" : ""); if (e != "") printf "%s", e; print "" }' "$WORK/$1.txt"
}
ms() { # wrk prints 850.00us / 1.20ms / 1.02s / 1.00m
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); print v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); print v + 0 } else if (v ~ /m$/) { sub(/m$/, "", v); print v * 60000 } else if (v ~ /s$/) { sub(/s$/, "", v); print v * 1000 } else print v }'
}
load_of() { paste -sd'-' "$WORK/$1.load"; }
cpu_per_request() { # ms of gateway CPU per request of a run
  awk -v t="$(cat "$WORK/$1.ticks")" -v hz="$CLK_TCK" -v n="$(requests "$1")" 'BEGIN { if (n > 0) printf "%.3f", t * 1000 / hz / n; else print "-" }'
}
cpu_split() { # cpu_split <run>: CPU time per request of each process during the run, and the machine's share
  awk -v hz="$CLK_TCK" -v n="$(requests "$1")" -v cores="$(nproc)" -v secs="${DURATION%s}" '
    FNR == NR { b[$1] = $2; next }
    $1 == "machine" { m = $2 - b[$1]; next }
    { d = $2 - b[$1]; t += d; line = line sprintf(" %s %.3f,", $1, d * 1000 / hz / n) }
    END { printf "CPU per request by process (ms):%s others (wrk, kernel) %.3f; the machine %.3f ms, busy %.0f %% of its %d cores\n",
            line, (m - t) * 1000 / hz / n, m * 1000 / hz / n, 100 * m / hz / secs / cores, cores }' \
    "$WORK/$1.cpu-before" "$WORK/$1.cpu-after"
}
# in_flight <run>: wrk's mean latency times its throughput, the calls in flight on average (Little's
# law). wrk keeps at most one call per connection: above the connections, wrk's latencies disagree
# with its own count of answers, and that run's latency figures are not to be trusted.
in_flight() {
  awk -v avg="$(ms "$(awk '$1 == "Latency" {print $2; exit}' "$WORK/$1.txt")")" -v r="$(rps "$1")" \
    'BEGIN { printf "%.1f", avg * r / 1000 }'
}
row() { # row <label> <run>
  [ -f "$WORK/$2.txt" ] || return 0
  local conns flight
  conns=$(awk '/connections/ {print $4; exit}' "$WORK/$2.txt")
  flight=$(in_flight "$2")
  printf '| %-9s | %10s | %7s | %7s | %-11s | %9s | %s |\n' "$1" "$(rps "$2")" "$(ms "$(pct "$2" 50)")" "$(ms "$(pct "$2" 99)")" "$(load_of "$2")" \
    "$flight$(awk -v f="$flight" -v c="$conns" 'BEGIN { if (f > c * 1.05) printf " (!)" }')" "$(errors "$2")"
}
header() {
  printf '| %-9s | %10s | %7s | %7s | %-11s | %9s | %s |\n' target requests/s "p50 ms" "p99 ms" "load avg" "in flight" "errors"
  printf '| --- | ---: | ---: | ---: | --- | ---: | --- |\n'
}
machine_ms() { # machine_ms <run>: the whole machine's CPU time per request of a run, in ms
  awk -v hz="$CLK_TCK" -v n="$(requests "$1")" 'FNR == NR && $1 == "machine" { b = $2; next }
    $1 == "machine" { printf "%.4f", ($2 - b) * 1000 / hz / n }' "$WORK/$1.cpu-before" "$WORK/$1.cpu-after"
}
# ratios <connections>: gateway/nginx throughput and p99; then what one call costs the machine through
# nginx over through the gateway. With both runs keeping the cores busy, that cost ratio is what the
# throughput ratio comes to (docs/benchmarks.md): a gap between the two says a run was bound by
# something else (latency, a pause).
ratios() {
  [ -f "$WORK/gateway-c$1.txt" ] && [ -f "$WORK/nginx-c$1.txt" ] || return 0
  awk -v g="$(rps "gateway-c$1")" -v n="$(rps "nginx-c$1")" -v gp="$(ms "$(pct "gateway-c$1" 99)")" -v np="$(ms "$(pct "nginx-c$1" 99)")" \
    -v gc="$(machine_ms "gateway-c$1")" -v nc="$(machine_ms "nginx-c$1")" \
    'BEGIN { printf "gateway/nginx: throughput %.2f, p99 %.2f; machine CPU per call, nginx path/gateway path: %.3f/%.3f ms = %.2f\n", g / n, gp / np, nc, gc, nc / gc }'
}

echo
echo "Gateway benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average before the runs: $LOAD_BEFORE"
echo "in flight: wrk's mean latency times its throughput (Little's law); above the connections (!) wrk's latencies disagree with its own count, and that run's latency figures are not to be trusted"
echo "JVM options of the services: $JAVA_OPTS; journal fsync ${BENCH_JOURNAL_FSYNC:-true}, commit delay ${BENCH_COMMIT_DELAY:-default}; wrk $THREADS threads, $DURATION after $WARMUP warm-up"
for c in "${SHAPES[@]}"; do
  printf '\n%s connections\n\n' "$c"
  header
  row gateway "gateway-c$c"; row nginx "nginx-c$c"; row provider "provider-c$c"
  echo; ratios "$c"
  [ -f "$WORK/gateway-c$c.txt" ] || continue
  echo "gateway CPU time: $(cpu_per_request "gateway-c$c") ms per request ($(cat "$WORK/gateway-c$c.ticks") ticks of 1/$CLK_TCK s for $(requests "gateway-c$c") requests)"
  grouping "gateway-c$c"
  cpu_split "gateway-c$c"
  [ -f "$WORK/nginx-c$c.txt" ] && printf 'nginx run: ' && cpu_split "nginx-c$c"
done
q=quota-c$CONNECTIONS
[ -f "$WORK/$q.txt" ] && {
printf '\nquota mix: %s %% of the calls with a token at its quota, %s connections\n\n' "$QUOTA_SHARE" "$CONNECTIONS"
header
row gateway "$q"
awk '$1 == "status" { s[$2] = $3; n += $3 } END { printf "statuses:"; for (c in s) printf " %s: %d (%.1f %%)", c, s[c], 100 * s[c] / n; print "" }' "$WORK/$q.txt"
echo "gateway CPU time: $(cpu_per_request "$q") ms per request"
grouping "$q"
}
echo
echo "gateway resident set: idle $((RSS_IDLE / 1024)) MB, after the runs $((RSS_AFTER / 1024)) MB, peak (VmHWM) $((RSS_PEAK / 1024)) MB"
if [ "$PROFILE" = 1 ]; then
  echo
  echo "profiled run (async-profiler, not comparable with the figures above): $(rps profiled) requests/s, p99 $(ms "$(pct profiled 99)") ms"
  echo "flame graph: $PROFILE_OUT; collapsed stacks: $WORK/profile.collapsed"
  if [ -s "$WORK/profile.collapsed" ]; then
    echo "CPU samples by component (bench/profile-breakdown.awk; ms per request from the ${CONNECTIONS}-connection run):"
    awk -v cpu_ms_per_request="$(cpu_per_request "gateway-c$CONNECTIONS")" -f "$ROOT/bench/profile-breakdown.awk" "$WORK/profile.collapsed"
  fi
  [ -f "$WORK/profile-top.txt" ] && { echo "hottest frames (self time):"; sed -n '1,45p' "$WORK/profile-top.txt"; }
  for svc in $PROFILE_ALSO; do echo "$svc sampled in the same run: $WORK/$svc-flame.html, $WORK/$svc.collapsed"; done
fi
printf '\ncommand: BENCH_DURATION=%s BENCH_CONNECTIONS=%s BENCH_CONNECTIONS_HIGH=%s BENCH_THREADS=%s BENCH_TOKENS=%s BENCH_QUOTA_SHARE=%s BENCH_JOURNAL_FSYNC=%s bench/gateway.sh%s\n' \
  "$DURATION" "$CONNECTIONS" "$CONNECTIONS_HIGH" "$THREADS" "$TOKENS" "$QUOTA_SHARE" "${BENCH_JOURNAL_FSYNC:-true}" "$([ "$PROFILE" = 1 ] && echo ' --profile')"
