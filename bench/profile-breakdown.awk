# Splits the CPU samples of an async-profiler "collapsed" dump (one line per stack: frames from
# the thread's root to the leaf separated by ";", then the sample count) into the parts of a
# gateway call, so that a profile reads as "what a request costs". Each stack counts once, for
# the first component of the list below that one of its frames belongs to: JIT and GC first
# (not the request's work), then the platform steps from the most specific to the most generic.
# The patterns name packages and classes of both the blocking and the non-blocking data path.
#
# Usage: awk -v cpu_ms_per_request=0.85 -f bench/profile-breakdown.awk profile.collapsed
# Prints one line per component: share of the samples, and the CPU time per request it stands for
# when cpu_ms_per_request (the gateway's CPU time per request of the same load) is given.
BEGIN {
  n = 0
  component[++n] = "JIT compilers";                      pattern[n] = "CompileBroker|C2Compiler|Compilation::|Compile::|C1_|compiler_thread"
  component[++n] = "garbage collector";                  pattern[n] = "GCTaskThread|VM_GC|GenCollectedHeap|DefNewGeneration|TenuredGeneration|SerialHeap|G1[A-Z]|VMThread::"
  component[++n] = "JWT signature check (ES256)";        pattern[n] = "org/jose4j|sun/security/ec|java/security/Signature|sun/security/util/math|TokenVerifier|JwksKeyResolver"
  component[++n] = "Redis guard (EVALSHA, client)";      pattern[n] = "fr/guichet/gateway/quota|io/quarkus/redis|io/vertx/redis"
  component[++n] = "trace journal (event, group commit)"; pattern[n] = "fr/guichet/gateway/trace|FileChannelImpl\\.force|fsync|fdatasync"
  component[++n] = "provider call (HTTP client)";        pattern[n] = "fr/guichet/gateway/provider|jdk/internal/net/http|java/net/http|io/vertx/ext/web/client|io/vertx/core/http/impl/.*Client"
  component[++n] = "metrics (Micrometer)";               pattern[n] = "io/micrometer"
  component[++n] = "logging";                            pattern[n] = "org/jboss/logmanager|org/jboss/logging|fr/guichet/gateway/logging"
  component[++n] = "JSON (Jackson), elsewhere";          pattern[n] = "com/fasterxml/jackson"
  component[++n] = "gateway logic (routes, parameters, admission)"; pattern[n] = "fr/guichet/gateway"
  component[++n] = "HTTP server (Vert.x, Netty, REST layer)"; pattern[n] = "io/vertx|io/netty|org/jboss/resteasy|io/quarkus/vertx|io/quarkus/resteasy"
  component[++n] = "thread pools, scheduling, parking"; pattern[n] = "java/util/concurrent|jdk/internal/misc/Unsafe\\.park|org/jboss/threads|Thread\\.run"
}
{
  count = $NF
  stack = $0
  sub(/ [0-9]+$/, "", stack)
  # Frames that only hold others would make every stack below them look like gateway logic: the
  # first router handler (X-Request-ID on every answer, the rest of the routing below it), the
  # data route's handler and subscriber (the call, then the writing of its answer), and the
  # executor that resumes a call on its own event loop (whatever comes next).
  gsub(/fr\/guichet\/gateway\/rest\/(RequestIdHeader|DataRoute)[^;]*;/, "", stack)
  gsub(/fr\/guichet\/gateway\/service\/GatewayService(\$\$Lambda[^;]*\.(handle|execute)|\.lambda\$callerContext\$[0-9]+);/, "", stack)
  total += count
  for (i = 1; i <= n; i++) if (stack ~ pattern[i]) { samples[i] += count; next }
  other += count
}
END {
  if (total == 0) { print "no samples"; exit }
  for (i = 1; i <= n; i++) {
    if (samples[i] == 0) continue
    line = sprintf("%6.1f %%  %s", 100 * samples[i] / total, component[i])
    if (cpu_ms_per_request > 0) line = line sprintf("  (%.3f ms per request)", cpu_ms_per_request * samples[i] / total)
    print line
  }
  line = sprintf("%6.1f %%  %s", 100 * other / total, "other (JVM, kernel outside the above)")
  if (cpu_ms_per_request > 0) line = line sprintf("  (%.3f ms per request)", cpu_ms_per_request * other / total)
  print line
  printf "%d samples\n", total
}
