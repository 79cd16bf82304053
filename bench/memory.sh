#!/usr/bin/env bash
# Memory of every service of services.yml, started as the local launcher starts them
# (bin/guichet up: sandbox mode, the launcher's JVM options, demo habilitations seeded), on a free
# port range and in a runtime folder of its own, so that a suite already running is left alone.
# It measures each process's resident set (VmRSS) idle, after BENCH_SETTLE seconds, then under a
# short load and its peak (VmHWM), with the number of threads, and prints one table with totals.
# The load: wrk through the gateway on one sandbox call of each provider (a high-quota token of
# the demo organisation, a distinct `object` per call: every provider, token-service's state
# look-ups and trace-service's ingestion work), then the portal's status page and token-service's
# JWKS. It stops what it started on exit; every load has a fixed duration.
#
# Usage: bench/memory.sh
#   env: BENCH_JAVA_OPTS, BENCH_LEAN_OPTS and BENCH_MALLOC_ARENA_MAX (default: the launcher's
#        JAVA_OPTS, LEAN_OPTS and MALLOC_ARENA) to measure other settings; BENCH_SETTLE=30 (s idle before the
#        first reading); BENCH_LOAD=20s (wrk through the gateway); BENCH_CONNECTIONS=16
# Needs what bin/guichet up needs (a JDK, PostgreSQL and Redis as scripts/infra.sh prepares them),
# and wrk (installed with apt-get when absent and running as root).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SETTLE=${BENCH_SETTLE:-30}
LOAD=${BENCH_LOAD:-20s}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
WORK=$(mktemp -d /tmp/guichet-memory.XXXXXX)

say() { printf '[bench] %s\n' "$*" >&2; }
fail() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

if ! command -v wrk >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && { DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null \
    || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null; }; }
  command -v wrk >/dev/null 2>&1 || fail "wrk is missing: apt-get install wrk"
fi

# A base port with the 16 ports above it free (the launcher uses base + offset, offsets 0-15).
# BENCH_PORT_BASE chooses it (two runs at once: their services bind their ports only once started).
GUICHET_PORT_BASE=${BENCH_PORT_BASE:-}
[ -n "$GUICHET_PORT_BASE" ] || GUICHET_PORT_BASE=$(python3 - <<'PY'
import socket
for base in range(18080, 30000, 20):
    try:
        for p in range(base, base + 16):
            s = socket.socket(); s.bind(("127.0.0.1", p)); s.close()
        print(base); break
    except OSError:
        continue
PY
)
export GUICHET_PORT_BASE
export GUICHET_RUNTIME=$WORK/runtime
# Fifteen JVMs starting at once on a small, busy machine: more than the launcher's default 180 s.
export GUICHET_READY_TIMEOUT=${GUICHET_READY_TIMEOUT:-600}
[ -n "${BENCH_JAVA_OPTS:-}" ] && export GUICHET_JAVA_OPTS=$BENCH_JAVA_OPTS
[ -n "${BENCH_LEAN_OPTS:-}" ] && export GUICHET_LEAN_OPTS=$BENCH_LEAN_OPTS
[ -n "${BENCH_MALLOC_ARENA_MAX:-}" ] && export GUICHET_MALLOC_ARENA_MAX=$BENCH_MALLOC_ARENA_MAX

# The launcher's own functions and settings (sourced, it only defines them).
# shellcheck source=../bin/guichet
. "$ROOT/bin/guichet"
set +u  # the launcher's arrays are read below with keys that may be absent
load_secrets  # the admin secret, for the bench habilitation

cleanup() {
  set +e
  "$ROOT/bin/guichet" down >"$WORK/down.log" 2>&1
  say "work files (service logs, wrk output): $WORK"
}
trap cleanup EXIT

say "starting the suite on ports $GUICHET_PORT_BASE+ (bin/guichet up, log $WORK/up.log)"
"$ROOT/bin/guichet" up >"$WORK/up.log" 2>&1 || { tail -30 "$WORK/up.log" >&2; fail "bin/guichet up failed"; }

kb() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
declare -A IDLE AFTER PEAK THREADS
pid_file() { echo "$RUN/${MODULE[$1]}.pid"; }
read_all() { # read_all <array name>: VmRSS of each service, kB
  local svc pid
  for svc in "${SERVICES[@]}"; do
    pid=$(cat "$(pid_file "$svc")")
    eval "$1[\$svc]=\$(kb \"\$pid\" VmRSS)"
  done
}

say "idle for ${SETTLE} s before measuring"
sleep "$SETTLE"
LOAD_IDLE=$(cut -d' ' -f1-3 /proc/loadavg)
read_all IDLE
for svc in "${SERVICES[@]}"; do say "idle: ${MODULE[$svc]} $((IDLE[$svc] / 1024)) MB"; done

# --- a short load --------------------------------------------------------------------------
admin=$(admin_token)
[ -n "$admin" ] || fail "no admin token from token-service"
status=$(admin_post "$admin" /admin/habilitations "{\"organisation_siret\":\"$DEMO_SIRET\",\"api_kind\":\"entreprise\",\
\"intitule\":\"Mesure de mémoire\",\"legal_basis\":\"Mesure de performance\",\"scopes\":$DEMO_SCOPES,\
\"rate_limit_per_minute\":100000,\"allowed_ips\":[],\"environment\":\"sandbox\",\
\"contacts\":{\"demandeur\":{\"email\":\"bench@example.org\",\"phone\":\"0102030405\"},\
\"technique\":{\"email\":\"bench@example.org\",\"phone\":\"0102030405\"},\"metier\":{\"email\":\"bench@example.org\",\"phone\":\"0102030405\"}}}")
[ "$status" = 201 ] || fail "creating the bench habilitation answered $status: $(cat "$RUN/last-response.json")"
hab=$(json_field id)
status=$(admin_post "$admin" "/admin/habilitations/$hab/validate" '{"reason":"Mesure de mémoire"}')
[ "$status" = 201 ] || fail "validating the bench habilitation answered $status"
TOKEN=$(json_field token)
PATHS=$(sample_calls | while read -r _ path query; do printf '"%s?context=Mesure&recipient=%s%s",' "$path" "$DEMO_SIRET" "$query"; done)
cat >"$WORK/load.lua" <<LUA
dofile("$ROOT/bench/wrk-statuses.lua")
local paths = {$PATHS}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1] .. "&object=memoire-" .. run .. "-" .. id .. "-" .. n,
    { ["Authorization"] = "Bearer $TOKEN" })
end
LUA
say "load: $LOAD through the gateway ($(echo "$PATHS" | tr -cd ',' | wc -c) provider calls in rotation, $CONNECTIONS connections)"
timeout 600 wrk -t2 -c"$CONNECTIONS" -d"$LOAD" -s "$WORK/load.lua" "$(url_of gateway)" >"$WORK/load-gateway.txt"
if [ -n "${OFFSET[portal]:-}" ]; then
  say "load: 5 s on the portal's status page"
  timeout 120 wrk -t1 -c4 -d5s "$(url_of portal)/statut" >"$WORK/load-portal.txt"
fi
say "load: 5 s on token-service's JWKS"
timeout 120 wrk -t1 -c4 -d5s "$(url_of token)/.well-known/jwks.json" >"$WORK/load-token.txt"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
sleep 2
read_all AFTER
for svc in "${SERVICES[@]}"; do
  pid=$(cat "$(pid_file "$svc")")
  PEAK[$svc]=$(kb "$pid" VmHWM); THREADS[$svc]=$(kb "$pid" Threads)
done

# --- report ----------------------------------------------------------------------------------
echo
echo "Memory of the suite, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores; load average idle: $LOAD_IDLE, after the load: $LOAD_AFTER"
echo "JVM options (the launcher's): $JAVA_OPTS; every service but the gateway: $LEAN_OPTS; MALLOC_ARENA_MAX=$MALLOC_ARENA"
awk '/requests in/ {r = $1} /^Requests\/sec/ {s = $2} $1 == "status" {m = m " " $2 ":" $3}
  END { printf "load through the gateway: %s requests, %s requests/s, statuses%s\n", r, s, m }' "$WORK/load-gateway.txt"
echo
printf '| %-24s | %-8s | %8s | %10s | %8s | %7s |\n' service kind "idle MB" "loaded MB" "peak MB" threads
printf '| --- | --- | ---: | ---: | ---: | ---: |\n'
ti=0 ta=0 tp=0
for svc in "${SERVICES[@]}"; do
  printf '| %-24s | %-8s | %8d | %10d | %8d | %7s |\n' "${MODULE[$svc]}" "${KIND[$svc]}" $((IDLE[$svc] / 1024)) \
    $((AFTER[$svc] / 1024)) $((PEAK[$svc] / 1024)) "${THREADS[$svc]}"
  ti=$((ti + IDLE[$svc])); ta=$((ta + AFTER[$svc])); tp=$((tp + PEAK[$svc]))
done
printf '| %-24s | %-8s | %8d | %10d | %8d | %7s |\n' "**total (${#SERVICES[@]})**" "" $((ti / 1024)) $((ta / 1024)) $((tp / 1024)) ""
over=""
for svc in "${SERVICES[@]}"; do [ $((IDLE[$svc] / 1024)) -gt 200 ] && over="$over ${MODULE[$svc]}"; done
echo
if [ -n "$over" ]; then echo "above 200 MB idle:$over"; else echo "no service above 200 MB idle"; fi
