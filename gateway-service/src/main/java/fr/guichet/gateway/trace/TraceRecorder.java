package fr.guichet.gateway.trace;

import fr.guichet.common.identifier.Siret;
import fr.guichet.common.trace.KeyedHash;
import fr.guichet.common.trace.TraceEvent;
import fr.guichet.common.trace.TraceEventValidator;
import fr.guichet.common.trace.UuidV7;
import fr.guichet.gateway.service.Errors;
import io.quarkus.runtime.LaunchMode;
import java.time.Duration;
import fr.guichet.gateway.config.GatewayConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Builds the trace event of a gateway response and writes it to the journal. Never a body;
 * identifiers of natural persons are kept only as a salted HMAC so that traces can still be
 * matched against a known person without storing who they are.
 *
 * <p>Every event is checked with trace-service's own rules ({@link TraceEventValidator}) before
 * it is journaled: a call that would answer data with an event trace-service would refuse is
 * refused instead ({@link UntraceableCallException}); a refusal is always journaled, reduced if
 * need be. What is stored is bounded whoever calls: path at most {@value #MAX_PATH} characters,
 * User-Agent at most {@value #MAX_USER_AGENT}, parameter names at most {@value #MAX_PARAMETER_NAME},
 * values at most {@value #MAX_PARAMETER_VALUE} (longer values are refused for data calls
 * anyway), control characters replaced by U+FFFD (data calls never carry any: they are refused).
 */
@ApplicationScoped
@Startup
public class TraceRecorder {

    /** The prefix of a hashed value in a trace's parameters (common's {@link KeyedHash#PREFIX}). */
    public static final String HASH_PREFIX = KeyedHash.PREFIX;
    /** Longest path stored, in characters; longer paths end with "…". */
    public static final int MAX_PATH = 512;
    /** Longest User-Agent stored, in characters. */
    public static final int MAX_USER_AGENT = 512;
    /** Longest parameter name stored, in characters. */
    public static final int MAX_PARAMETER_NAME = 64;
    /** Longest parameter value stored, in characters. */
    public static final int MAX_PARAMETER_VALUE = 512;
    private static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final char REPLACEMENT = '\uFFFD';

    private final TraceJournal journal;
    private final KeyedHash hash;
    private final Set<String> personal;

    @jakarta.inject.Inject
    public TraceRecorder(TraceJournal journal, GatewayConfig config) {
        this(journal, config, LaunchMode.current());
    }

    /** @throws IllegalStateException in production ({@code mode} NORMAL) without {@code guichet.gateway.trace.salt} */
    public TraceRecorder(TraceJournal journal, GatewayConfig config, LaunchMode mode) {
        this.journal = journal;
        if (config.trace().salt().isEmpty() && mode == LaunchMode.NORMAL) {
            throw new IllegalStateException("guichet.gateway.trace.salt (GUICHET_GATEWAY_TRACE_SALT) is required in production: "
                    + "it keys the hashes of natural persons' identifiers in traces, which must stay comparable across "
                    + "restarts and replicas. Set it from a Secret.");
        }
        String salt = config.trace().salt().orElseGet(() -> {
            org.jboss.logging.Logger.getLogger(TraceRecorder.class).warn(
                    "guichet.gateway.trace.salt is not set: personal identifiers are hashed with a random salt "
                            + "that changes at every start; set GUICHET_GATEWAY_TRACE_SALT in production");
            byte[] random = new byte[32];
            new java.security.SecureRandom().nextBytes(random);
            return HexFormat.of().formatHex(random);
        });
        // The hash trace-service recomputes to find a person's calls: one definition for both.
        this.hash = new KeyedHash(salt);
        this.personal = Set.copyOf(config.trace().personalParameters());
    }

    /**
     * What one response was about; the recorder turns it into a {@link TraceEvent}.
     *
     * @param personal the parameters may name a person whatever the token: an API Particulier
     *                 route, or a data path no route serves. Then, as for a Particulier token,
     *                 every parameter but {@code context}, {@code object} and {@code recipient} is hashed.
     */
    public record Call(String requestId, String tokenJti, String habilitationId, String partnerSiret, String apiKind,
                       String method, String operationId, String path, Map<String, String> pathVariables,
                       Map<String, List<String>> query, String clientIp, String userAgent, int status,
                       String errorCode, String provider, long latencyMs, boolean personal) {

        /** A call whose parameters are personal only by their names or the token's api kind. */
        public Call(String requestId, String tokenJti, String habilitationId, String partnerSiret, String apiKind,
                    String method, String operationId, String path, Map<String, String> pathVariables,
                    Map<String, List<String>> query, String clientIp, String userAgent, int status,
                    String errorCode, String provider, long latencyMs) {
            this(requestId, tokenJti, habilitationId, partnerSiret, apiKind, method, operationId, path, pathVariables,
                    query, clientIp, userAgent, status, errorCode, provider, latencyMs, false);
        }
    }

    /**
     * Journals the event of an answered call.
     *
     * @throws UntraceableCallException when the call answers below 400 and its event breaks a
     *                                  trace rule: the caller must refuse the call instead
     * @throws JournalUnavailableException if the event could not be kept
     */
    public TraceEvent record(Call call) {
        TraceEvent event = journaled(call);
        journal.append(event);
        return event;
    }

    /**
     * As {@link #record}, without waiting: the stage completes once the event is on disk (on the
     * journal's writer thread), or fails with {@link JournalUnavailableException}.
     *
     * @throws UntraceableCallException at once, when the call answers below 400 and its event breaks a trace rule
     */
    public CompletionStage<TraceEvent> recordAsync(Call call) {
        TraceEvent event = journaled(call);
        return journal.appendAsync(event).thenApply(done -> event);
    }

    /** The event to journal: refused for a call answering data that breaks a rule, reduced for a refusal. */
    private TraceEvent journaled(Call call) {
        TraceEvent event = event(call);
        List<TraceEventValidator.Violation> violations = violations(event);
        if (!violations.isEmpty()) {
            if (call.status() < 400) {
                throw new UntraceableCallException(violations);
            }
            event = reduced(event);
        }
        return event;
    }

    /** Builds, checks and serialises one event without journaling it: the first call then finds everything loaded. */
    public void warmUp() {
        TraceEvent sample = event(new Call("warm-up", null, null, null, null, "GET", null, "/", Map.of(),
                Map.of("context", List.of("warm-up")), "127.0.0.1", "warm-up", 200, null, null, 0));
        violations(sample);
        try {
            journal.serialised(sample);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Trace events cannot be serialised", e);
        }
    }

    /**
     * No trace, no data: checks, before any quota is spent or provider called, that the event of
     * this call answered with data would be accepted by trace-service.
     *
     * @throws fr.guichet.common.error.ApiException 422 {@code 00252} otherwise
     */
    public void checkTraceable(Call call) {
        List<TraceEventValidator.Violation> violations = violations(event(call));
        if (!violations.isEmpty()) {
            throw Errors.untraceable(violations.get(0).detail());
        }
    }

    private static List<TraceEventValidator.Violation> violations(TraceEvent event) {
        Instant now = Instant.now();
        return TraceEventValidator.validate(event, now, MAX_SKEW, now.minus(MAX_SKEW));
    }

    private TraceEvent event(Call call) {
        return new TraceEvent(UuidV7.next(), Instant.now(), TraceEvent.Kind.API_CALL, call.requestId(),
                call.tokenJti(), call.habilitationId(), call.partnerSiret(), call.apiKind(), call.method(),
                call.operationId(), bounded(call.path(), MAX_PATH), parameters(call), call.clientIp(),
                bounded(call.userAgent(), MAX_USER_AGENT), call.status(), call.errorCode(), call.provider(),
                call.latencyMs(), null, null, null);
    }

    /** A refusal whose event still breaks a rule: the first parameters that fit, nothing else changed. */
    private static TraceEvent reduced(TraceEvent e) {
        Map<String, String> kept = new LinkedHashMap<>();
        if (e.parameters() != null) {
            for (Map.Entry<String, String> p : e.parameters().entrySet()) {
                if (kept.size() == TraceEventValidator.MAX_PARAMETERS) {
                    break;
                }
                kept.put(p.getKey(), p.getValue());
            }
        }
        return new TraceEvent(e.id(), e.timestamp(), e.kind(), bounded(e.requestId(), 128), e.tokenJti(),
                e.habilitationId(), e.partnerSiret(), e.apiKind(), e.method(), e.operationId(), e.path(), kept,
                e.clientIp(), e.userAgent(), e.status(), e.errorCode(), e.provider(), e.latencyMs(), null, null, null);
    }

    Map<String, String> parameters(Call call) {
        boolean particulier = "particulier".equals(call.apiKind()) || call.personal();
        Map<String, String> out = new LinkedHashMap<>();
        if (call.pathVariables() != null) {
            call.pathVariables().forEach((k, v) -> out.put(k, protect(k, v, particulier)));
        }
        if (call.query() != null) {
            call.query().forEach((k, values) -> {
                if ("token".equals(k) || values == null || values.isEmpty()) {
                    return;
                }
                out.put(bounded(k, MAX_PARAMETER_NAME),
                        protect(k, bounded(String.join(",", values), MAX_PARAMETER_VALUE), particulier));
            });
        }
        return out;
    }

    private String protect(String name, String value, boolean particulier) {
        if (value == null) {
            return null;
        }
        if (particulier) {
            // API Particulier's one traceability parameter is the recipient SIRET; anything else, a
            // recipient that is not a SIRET included, may name a person.
            return name.equals("recipient") && Siret.isValid(value) ? value : hash(value);
        }
        return personal.contains(name) ? hash(value) : value;
    }

    /** The keyed hash of one value as traces store it ({@link KeyedHash}, keyed by the trace salt). */
    public String hash(String value) {
        return hash.hash(value);
    }

    /** At most {@code max} characters (the last one "…" when cut), control characters replaced. */
    static String bounded(String s, int max) {
        if (s == null) {
            return null;
        }
        String cut = s.length() <= max ? s : s.substring(0, max - 1) + "…";
        StringBuilder out = null;
        for (int i = 0; i < cut.length(); i++) {
            if (Character.getType(cut.charAt(i)) == Character.CONTROL) {
                if (out == null) {
                    out = new StringBuilder(cut);
                }
                out.setCharAt(i, REPLACEMENT);
            }
        }
        return out == null ? cut : out.toString();
    }
}
