#!/usr/bin/env bash
# Benchmark of trace-service on this machine:
#  1. ingestion rate (events/s) of POST /traces with batches of 500 events, one client then
#     CONCURRENCY clients (each a curl process sending its batches in turn on a keep-alive
#     connection), against the built jar and the real PostgreSQL;
#  2. a raw PostgreSQL COPY of the same number of rows of the same shape into the same
#     partitioned, indexed table (no hashing, no chain, no rollup): the floor to compare with;
#  3. a streamed export of EXPORT_ROWS rows (default 1 million) with the heap sampled from
#     /q/metrics while it runs, under the deployed -Xmx (or HEAP): a flat heap is the expected outcome.
# Uses a throwaway database (BENCH_DB, default guichet_trace_bench), created and dropped here.
#
# Usage: trace-service/bench/ingest-benchmark.sh
#   env: FORMAT=ndjson (the body of each batch: ndjson, one event a line, as the gateway's shipper
#        sends it, or json, one array) BATCHES=400 WARMUP=200 (batches sent first, half from 1 client and half from CONCURRENCY, unmeasured: the JIT compilers of a fresh JVM
#        otherwise take most of the CPU of the measure) CONCURRENCY=4 EXPORT_ROWS=1000000 (0 skips the export) HEAP (an -Xmx
#        instead of the deployed one, e.g. 128m to watch the export's heap under a smaller cap)
#        BENCH_JAVA_OPTS (JVM options; default: the launcher's for trace-service, jvm_options_of in bin/guichet;
#        -Xmx is HEAP's all the same when set)
#        TRACE_APP=<a quarkus-app directory> to measure another build (default: this module's target/)
# Prints each rate, the ingestion/COPY ratios of the same run and the load average during it.
# Needs: java 17, curl, psql, python3 with the 'cryptography' package (signs the auditor session JWT).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
MODULE=$(dirname "$HERE")
ROOT=$(dirname "$MODULE")
BATCHES=${BATCHES:-400}
WARMUP=${WARMUP:-200}
CONCURRENCY=${CONCURRENCY:-4}
EXPORT_ROWS=${EXPORT_ROWS:-1000000}
HEAP=${HEAP:-}
FORMAT=${FORMAT:-ndjson}
case $FORMAT in ndjson) CONTENT_TYPE=application/x-ndjson;; json) CONTENT_TYPE=application/json;; *) echo "FORMAT: ndjson or json" >&2; exit 2;; esac
DB=${BENCH_DB:-guichet_trace_bench}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
export PGPASSWORD=${PGPASSWORD:-guichet}
PSQL=(psql -h "$PGHOST" -p "$PGPORT" -U guichet -v ON_ERROR_STOP=1 -qAt)
JAR=${TRACE_APP:-$MODULE/target/quarkus-app}/quarkus-run.jar
WORK=$(mktemp -d)
PID=

log() { printf '[bench] %s\n' "$*" >&2; }
now_ms() { date +%s%3N; }

cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill "$PID"; wait "$PID" 2>/dev/null || true; fi
  "${PSQL[@]}" -d postgres -c "drop database if exists $DB" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ ! -f "$JAR" ] && [ -z "${TRACE_APP:-}" ]; then
  log "building trace-service"
  (cd "$ROOT" && ./mvnw -B -q -o -pl trace-service package -DskipTests)
fi

log "database $DB"
"${PSQL[@]}" -d postgres -c "drop database if exists $DB" >/dev/null 2>&1 || true
if ! "${PSQL[@]}" -d postgres -c "create database $DB owner guichet" >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -s /bin/sh -c "createdb -O guichet $DB"
  else
    echo "cannot create database $DB: run 'sudo -u postgres createdb -O guichet $DB' or set BENCH_DB" >&2
    exit 1
  fi
fi

log "generating $BATCHES batches of 500 events, the COPY file and an auditor session JWT in $WORK"
python3 - "$WORK" "$BATCHES" "$WARMUP" "$FORMAT" <<'PY'
import base64, csv, json, os, random, sys, time, uuid
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, utils

work, batches, warmup, fmt = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
ops = ["unites_legales_insee", "etablissements_insee", "attestations_fiscales_dgfip", "attestations_sociales_urssaf"]
tokens = [str(uuid.uuid4()) for _ in range(200)]
base = time.time() - 3600

def uuid7(ms):
    r = random.getrandbits(74)
    msb = (ms << 16) | 0x7000 | (r >> 62)
    lsb = (r & ((1 << 62) - 1)) | (1 << 63)
    return str(uuid.UUID(int=(msb << 64) | lsb))

def event(i):
    ts = base + i / 1000.0
    ms = int(ts * 1000)
    tok = tokens[i % len(tokens)]
    siren = "%09d" % random.randrange(10**9)
    status = random.choice([200] * 8 + [404, 422])
    return {
        "id": uuid7(ms), "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ts)) + ".%06dZ" % int((ts % 1) * 1e6),
        "kind": "api_call", "request_id": str(uuid.uuid4()), "token_jti": tok, "habilitation_id": "hab-" + tok[:8],
        "partner_siret": "13002526500013", "api_kind": "entreprise", "method": "GET", "operation_id": ops[i % len(ops)],
        "path": "/v3/insee/sirene/unites_legales/" + siren,
        "parameters": {"context": "Instruction", "object": "Dossier %d" % i, "recipient": "13002526500013"},
        "client_ip": "203.0.113.%d" % (i % 250), "user_agent": "bench/1.0", "status": status,
        "error_code": None if status == 200 else "01003", "provider": "insee", "latency_ms": random.randrange(20, 400)}

n = 0
for name, count in (("warmup", warmup), ("seq", batches), ("par", batches)):
    os.makedirs(os.path.join(work, name))
    for b in range(count):
        evs = []
        for _ in range(500):
            e = event(n); n += 1
            evs.append({k: v for k, v in e.items() if v is not None})
        with open(os.path.join(work, name, "b%05d.json" % b), "w") as f:
            if fmt == "ndjson":
                f.write("".join(json.dumps(e) + "\n" for e in evs))
            else:
                json.dump(evs, f)

# the same number of rows as one ingestion phase, same shape, fresh ids, for COPY
cols = ["id", "ts", "kind", "request_id", "token_jti", "habilitation_id", "partner_siret", "api_kind", "method",
        "operation_id", "path", "parameters", "client_ip", "user_agent", "status", "error_code", "provider",
        "latency_ms", "siren", "recipient", "batch_id"]
with open(os.path.join(work, "copy.csv"), "w", newline="") as f:
    w = csv.writer(f)
    for _ in range(batches * 500):
        e = event(n); n += 1
        w.writerow([e["id"], e["timestamp"], "API_CALL", e["request_id"], e["token_jti"], e["habilitation_id"],
                    e["partner_siret"], e["api_kind"], e["method"], e["operation_id"], e["path"],
                    json.dumps(e["parameters"]), e["client_ip"], e["user_agent"], e["status"], e["error_code"] or "",
                    e["provider"], e["latency_ms"], e["path"][-9:], "13002526500013", 0])
with open(os.path.join(work, "copy.cols"), "w") as f:
    f.write(",".join(cols))

key = ec.generate_private_key(ec.SECP256R1())
nums = key.public_key().public_numbers()
b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode()
with open(os.path.join(work, "jwks.json"), "w") as f:
    json.dump({"keys": [{"kty": "EC", "crv": "P-256", "kid": "bench", "use": "sig", "alg": "ES256",
                         "x": b64(nums.x.to_bytes(32, "big")), "y": b64(nums.y.to_bytes(32, "big"))}]}, f)
header = b64(json.dumps({"alg": "ES256", "kid": "bench", "typ": "session+jwt"}).encode())
payload = b64(json.dumps({"iss": "urn:guichet:token-service", "aud": "urn:guichet:console", "sub": "bench-auditor",
                          "upn": "bench-auditor", "groups": ["auditor"], "iat": int(time.time()),
                          "exp": int(time.time()) + 7200}).encode())
der = key.sign((header + "." + payload).encode(), ec.ECDSA(hashes.SHA256()))
r, s = utils.decode_dss_signature(der)
with open(os.path.join(work, "auditor.jwt"), "w") as f:
    f.write(header + "." + payload + "." + b64(r.to_bytes(32, "big") + s.to_bytes(32, "big")))
PY

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# The JVM options trace-service is deployed with (the launcher's, which the Helm chart shares),
# the heap capped at HEAP instead when set (a smaller cap, to watch the export's heap under it).
JVM_OPTIONS=${BENCH_JAVA_OPTS:-$(bash -c '. "$1/bin/guichet"; jvm_options_of trace' _ "$ROOT")}
[ -z "$HEAP" ] || JVM_OPTIONS="$JVM_OPTIONS -Xmx$HEAP"
log "starting trace-service on port $PORT ($JVM_OPTIONS)"
# shellcheck disable=SC2086
java $JVM_OPTIONS -Dquarkus.http.port="$PORT" \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
  -Dquarkus.datasource.reactive.url="postgresql://$PGHOST:$PGPORT/$DB" \
  -Dguichet.trace.ingestion.clients.gateway=bench-secret \
  -Dguichet.trace.ingestion.clients.token-service=bench-secret-2 \
  -Dguichet.trace.jwks-url="file:$WORK/jwks.json" \
  -Dguichet.trace.seal.key-file="$WORK/seal.pem" \
  -jar "$JAR" >"$WORK/service.log" 2>&1 &
PID=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$PID" 2>/dev/null || { cat "$WORK/service.log" >&2; exit 1; }
  sleep 0.5
done

# One client = one curl process sending its batches one after the other on one keep-alive
# connection, as the gateway's shipper does (a process per batch would measure process start-up on a
# loaded machine, not ingestion). Every answer must be a 200.
client() { # <name> <batch files...>
  local name=$1; shift
  : >"$WORK/$name.curl"
  for f in "$@"; do
    [ -s "$WORK/$name.curl" ] && echo next >>"$WORK/$name.curl"
    printf 'url = "http://127.0.0.1:%s/traces"\nuser = "gateway:bench-secret"\nheader = "Content-Type: %s"\ndata-binary = "@%s"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\n' \
      "$PORT" "$CONTENT_TYPE" "$f" >>"$WORK/$name.curl"
  done
  curl -s -K "$WORK/$name.curl" >"$WORK/$name.codes"
  if grep -qv '^200$' "$WORK/$name.codes"; then
    echo "client $name: answers other than 200: $(sort "$WORK/$name.codes" | uniq -c | tr '\n' ' ')" >&2
    exit 1
  fi
}
clients() { # <n> <directory>: n clients in parallel, batches dealt round-robin
  local n=$1 dir=$2 pids=() k i
  local files=("$dir"/*.json)
  for ((k = 0; k < n; k++)); do
    local mine=()
    for ((i = k; i < ${#files[@]}; i += n)); do mine+=("${files[i]}"); done
    client "$(basename "$dir")-$k" "${mine[@]}" &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p"; done
}

log "warm-up: $WARMUP batches, half of them from 1 client, half from $CONCURRENCY"
# Both shapes of the measure: code that only runs under concurrent batches (waits on the pool and on
# rollup row locks) is otherwise compiled, and earlier code recompiled, during the measure itself.
warmup=("$WORK"/warmup/*.json)
mkdir -p "$WORK/warmup-1" "$WORK/warmup-n"
mv "${warmup[@]:0:$((WARMUP / 2))}" "$WORK/warmup-1/"
mv "${warmup[@]:$((WARMUP / 2))}" "$WORK/warmup-n/"
clients 1 "$WORK/warmup-1"
clients "$CONCURRENCY" "$WORK/warmup-n"

EVENTS=$((BATCHES * 500))
loadavg() { cut -d' ' -f1 /proc/loadavg; }
# CPU seconds (user + system) used so far by the trace-service process, from /proc (clock ticks)
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$PID/stat"; }
# The part of it used by the JIT compiler threads (C1, C2): warm-up that a long-running service has
# behind it. jit_mark <file> notes each compiler thread's ticks (/proc/<pid>/task, fields after the
# command name: utime 12, stime 13); jit_since <file> prints the seconds they used since, threads
# started meanwhile included (the JVM starts and stops compiler threads as the queue grows and
# shrinks: the ticks of one stopped meanwhile are not counted).
jit_ticks() {
  local task
  for task in /proc/"$PID"/task/*; do
    case $(cat "$task/comm" 2>/dev/null) in
      "C1 CompilerThre"*|"C2 CompilerThre"*) echo "${task##*/} $(sed 's/^.*) //' "$task/stat" | awk '{print $12 + $13}')" ;;
    esac
  done
}
jit_mark() { jit_ticks >"$1"; }
# CPU seconds used so far by PostgreSQL on this machine: every postgres process (backends, WAL writer,
# checkpointer...) plus what the postmaster has reaped from children that exited.
pg_cpu_s() {
  local master
  master=$(pgrep -o -x postgres || true)
  [ -n "$master" ] || { echo 0; return; }
  { for p in $(pgrep -x postgres); do sed 's/^.*) //' "/proc/$p/stat" 2>/dev/null | awk '{print $12 + $13}'; done
    sed 's/^.*) //' "/proc/$master/stat" | awk '{print $14 + $15}'; } | awk -v hz="$(getconf CLK_TCK)" '{t += $1} END {printf "%.1f", t / hz}'
}
jit_since() {
  jit_ticks | awk -v hz="$(getconf CLK_TCK)" 'NR == FNR {before[$1] = $2; next} {t += $2 - before[$1]} END {printf "%.1f", t / hz}' "$1" -
}

log "ingestion, 1 client: $BATCHES batches of 500"
LOAD_SEQ=$(loadavg); c0=$(cpu_s); p0=$(pg_cpu_s); jit_mark "$WORK/jit.seq"
t0=$(now_ms)
clients 1 "$WORK/seq"
t1=$(now_ms)
SEQ_MS=$((t1 - t0)); SEQ_CPU=$(python3 -c "print(f'{$(cpu_s) - $c0:.1f}')"); SEQ_JIT=$(jit_since "$WORK/jit.seq")
SEQ_PG=$(python3 -c "print(f'{$(pg_cpu_s) - $p0:.1f}')")

log "ingestion, $CONCURRENCY clients: $BATCHES batches of 500"
LOAD_PAR=$(loadavg); c0=$(cpu_s); p0=$(pg_cpu_s); jit_mark "$WORK/jit.par"
t0=$(now_ms)
clients "$CONCURRENCY" "$WORK/par"
t1=$(now_ms)
PAR_MS=$((t1 - t0)); PAR_CPU=$(python3 -c "print(f'{$(cpu_s) - $c0:.1f}')"); PAR_JIT=$(jit_since "$WORK/jit.par")
PAR_PG=$(python3 -c "print(f'{$(pg_cpu_s) - $p0:.1f}')")

STORED=$("${PSQL[@]}" -d "$DB" -c "select count(*) from trace_event")
[ "$STORED" -eq $(( (BATCHES * 2 + WARMUP) * 500 )) ] || { echo "expected $(( (BATCHES * 2 + WARMUP) * 500 )) rows, found $STORED" >&2; exit 1; }

log "raw COPY of $EVENTS rows into the same table"
LOAD_COPY=$(loadavg); p0=$(pg_cpu_s)
t0=$(now_ms)
"${PSQL[@]}" -d "$DB" -c "\\copy trace_event ($(cat "$WORK/copy.cols")) from '$WORK/copy.csv' with (format csv)"
t1=$(now_ms)
COPY_MS=$((t1 - t0)); COPY_PG=$(python3 -c "print(f'{$(pg_cpu_s) - $p0:.1f}')")
LOAD_END=$(loadavg)

rate() { python3 -c "print(f'{$1 * 1000 / max($2, 1):,.0f}')"; }
ratio() { python3 -c "print(f'{$2 / max($1, 1):.2f}')"; }
cat <<OUT

trace-service benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, PostgreSQL $("${PSQL[@]}" -d "$DB" -c 'show server_version'), java $JVM_OPTIONS
load average (1 min) before each phase: 1 client $LOAD_SEQ, $CONCURRENCY clients $LOAD_PAR, COPY $LOAD_COPY, after $LOAD_END

| measure | rows | time | rate | of COPY | trace-service CPU (of which JIT compilers) | PostgreSQL CPU |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
| POST /traces ($FORMAT), batches of 500, 1 client | $EVENTS | ${SEQ_MS} ms | $(rate $EVENTS $SEQ_MS) events/s | $(ratio $SEQ_MS $COPY_MS) | ${SEQ_CPU} s (${SEQ_JIT} s) | ${SEQ_PG} s |
| POST /traces ($FORMAT), batches of 500, $CONCURRENCY clients | $EVENTS | ${PAR_MS} ms | $(rate $EVENTS $PAR_MS) events/s | $(ratio $PAR_MS $COPY_MS) | ${PAR_CPU} s (${PAR_JIT} s) | ${PAR_PG} s |
| raw PostgreSQL COPY, same table and indexes | $EVENTS | ${COPY_MS} ms | $(rate $EVENTS $COPY_MS) rows/s | 1.00 | | ${COPY_PG} s |
OUT

[ "$EXPORT_ROWS" -gt 0 ] || exit 0

log "loading $EXPORT_ROWS rows for the export (server-side insert)"
"${PSQL[@]}" -d "$DB" -c "
  insert into trace_event (id, ts, kind, request_id, token_jti, partner_siret, api_kind, method, operation_id, path,
                           parameters, client_ip, user_agent, status, provider, latency_ms, siren, recipient, batch_id)
  select gen_random_uuid(), now() - interval '2 hours' + g * interval '1 millisecond', 'API_CALL', 'req-' || g,
         'bench-export-token', '13002526500013', 'entreprise', 'GET', 'unites_legales_insee',
         '/v3/insee/sirene/unites_legales/418166096',
         jsonb_build_object('context', 'Audit', 'object', 'Export ' || g, 'recipient', '13002526500013'),
         '203.0.113.9', 'bench/1.0', 200, 'insee', 42, '418166096', '13002526500013', 0
  from generate_series(1, $EXPORT_ROWS) g"

heap() {
  curl -sf "http://127.0.0.1:$PORT/q/metrics" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s+=$NF} END {printf "%d\n", s/1048576}'
}
log "export of $EXPORT_ROWS rows as NDJSON (heap sampled every 0.5 s)"
HEAP_BEFORE=$(heap)
: >"$WORK/heap.txt"
(while true; do heap >>"$WORK/heap.txt" || true; sleep 0.5; done) &
SAMPLER=$!
t0=$(now_ms)
curl -sf -H "Authorization: Bearer $(cat "$WORK/auditor.jwt")" \
  "http://127.0.0.1:$PORT/admin/traces/export?format=ndjson&token=bench-export-token&from=$(date -u -d '-1 day' +%Y-%m-%d)&to=$(date -u -d '+1 day' +%Y-%m-%d)" \
  | wc -l >"$WORK/export.count"
t1=$(now_ms)
kill "$SAMPLER" 2>/dev/null || true
EXPORT_MS=$((t1 - t0))
EXPORTED=$(cat "$WORK/export.count")
HEAP_MAX=$(sort -n "$WORK/heap.txt" | tail -1)
HEAP_MIN=$(sort -n "$WORK/heap.txt" | head -1)
SAMPLES=$(wc -l <"$WORK/heap.txt")

cat <<OUT
| GET /admin/traces/export (NDJSON) | $EXPORTED | ${EXPORT_MS} ms | $(rate $EXPORTED $EXPORT_MS) rows/s | | | |

Heap during the export: ${HEAP_MIN}–${HEAP_MAX} MiB over $SAMPLES samples (before: ${HEAP_BEFORE} MiB, $JVM_OPTIONS).
OUT
[ "$EXPORTED" -eq "$EXPORT_ROWS" ] || { echo "export returned $EXPORTED rows, expected $EXPORT_ROWS" >&2; exit 1; }
