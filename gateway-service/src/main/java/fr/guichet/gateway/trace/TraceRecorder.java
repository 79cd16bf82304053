package fr.guichet.gateway.trace;

import fr.guichet.common.trace.TraceEvent;
import fr.guichet.common.trace.UuidV7;
import fr.guichet.gateway.config.GatewayConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds the trace event of a gateway response and writes it to the journal. Never a body;
 * identifiers of natural persons are kept only as a salted HMAC so that traces can still be
 * matched against a known person without storing who they are.
 */
@ApplicationScoped
@Startup
public class TraceRecorder {

    public static final String HASH_PREFIX = "hmac-sha256:";

    private final TraceJournal journal;
    private final SecretKeySpec salt;
    private final Set<String> personal;

    public TraceRecorder(TraceJournal journal, GatewayConfig config) {
        this.journal = journal;
        byte[] key = config.trace().salt().map(s -> s.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            org.jboss.logging.Logger.getLogger(TraceRecorder.class).warn(
                    "guichet.gateway.trace.salt is not set: personal identifiers are hashed with a random salt "
                            + "that changes at every start; set GUICHET_GATEWAY_TRACE_SALT in production");
            byte[] random = new byte[32];
            new java.security.SecureRandom().nextBytes(random);
            return random;
        });
        this.salt = new SecretKeySpec(key, "HmacSHA256");
        this.personal = Set.copyOf(config.trace().personalParameters());
    }

    /** What one response was about; the recorder turns it into a {@link TraceEvent}. */
    public record Call(String requestId, String tokenJti, String habilitationId, String partnerSiret, String apiKind,
                       String method, String operationId, String path, Map<String, String> pathVariables,
                       Map<String, List<String>> query, String clientIp, String userAgent, int status,
                       String errorCode, String provider, long latencyMs) {
    }

    /** Journals the event; throws {@link JournalUnavailableException} if it could not be kept. */
    public TraceEvent record(Call call) {
        TraceEvent event = new TraceEvent(UuidV7.next(), Instant.now(), TraceEvent.Kind.API_CALL, call.requestId(),
                call.tokenJti(), call.habilitationId(), call.partnerSiret(), call.apiKind(), call.method(),
                call.operationId(), call.path(), parameters(call), call.clientIp(), truncate(call.userAgent(), 512),
                call.status(), call.errorCode(), call.provider(), call.latencyMs(), null, null, null);
        journal.append(event);
        return event;
    }

    Map<String, String> parameters(Call call) {
        boolean particulier = "particulier".equals(call.apiKind());
        Map<String, String> out = new LinkedHashMap<>();
        if (call.pathVariables() != null) {
            call.pathVariables().forEach((k, v) -> out.put(k, protect(k, v, particulier)));
        }
        if (call.query() != null) {
            call.query().forEach((k, values) -> {
                if ("token".equals(k) || values == null || values.isEmpty()) {
                    return;
                }
                out.put(truncate(k, 64), protect(k, truncate(String.join(",", values), 512), particulier));
            });
        }
        return out;
    }

    private String protect(String name, String value, boolean particulier) {
        if (value == null) {
            return null;
        }
        boolean traceability = name.equals("context") || name.equals("object") || name.equals("recipient");
        if (personal.contains(name) || (particulier && !traceability)) {
            return hash(value);
        }
        return value;
    }

    public String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(salt);
            return HASH_PREFIX + HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
