#!/usr/bin/env bash
# Idle memory of the whole suite: starts every service of services.yml with the local launcher
# (bin/guichet up: sandbox mode, demo habilitation seeded), lets it settle, then reads each
# process's resident set (VmRSS) and heap in use, and prints one table with the total. It stops
# what it started on exit; a suite already running is measured as it is and left running.
#
# Usage: bench/idle-memory.sh            (BENCH_SETTLE=30 seconds of idle before measuring)
# Needs what bin/guichet up needs (a JDK, PostgreSQL and Redis as scripts/infra.sh prepares them).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUN=${GUICHET_RUNTIME:-$ROOT/.guichet}/run
SETTLE=${BENCH_SETTLE:-30}
# shellcheck source=../scripts/services.sh
. "$ROOT/scripts/services.sh"

say() { printf '[bench] %s\n' "$*" >&2; }

started=false
if ! "$ROOT/bin/guichet" status >/dev/null 2>&1; then
  say "starting the suite (bin/guichet up)"
  "$ROOT/bin/guichet" up >/dev/null
  started=true
fi
cleanup() { if $started; then "$ROOT/bin/guichet" down >/dev/null 2>&1 || true; fi; }
trap cleanup EXIT

say "idle for ${SETTLE} s before measuring"
sleep "$SETTLE"

total=0
count=0
printf '| service | kind | RSS MB |\n| --- | --- | ---: |\n'
while IFS=$'\t' read -r name module kind _; do
  pidfile="$RUN/$module.pid"
  [ -f "$pidfile" ] || { say "$module: not running"; continue; }
  pid=$(cat "$pidfile")
  rss_kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
  [ -n "$rss_kb" ] || rss_kb=0
  total=$((total + rss_kb)); count=$((count + 1))
  printf '| %s | %s | %d |\n' "$module" "$kind" $((rss_kb / 1024))
done < <(services_list "$ROOT/services.yml")
printf '| **total (%d processes)** | | **%d** |\n' "$count" $((total / 1024))
