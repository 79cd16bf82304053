package fr.guichet.common.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one set of rules a {@link TraceEvent} must meet to be stored in the tamper-evident log.
 * trace-service applies it at ingestion; gateway-service applies it to the event of a call
 * before releasing any data, so that a call whose trace would be refused is itself refused
 * (no trace, no data).
 *
 * <p>Rules: {@code id}, {@code timestamp} and {@code kind} present; timestamp neither beyond
 * {@code now + maxSkew} nor before {@code oldest} (the retention horizon); {@code status} in
 * 100..599; an {@code api_call} names its method and path, an {@code admin_action} its action;
 * latency not negative; every text field at most {@link #MAX_TEXT} characters and without NUL;
 * at most {@link #MAX_PARAMETERS} parameters, names at most {@link #MAX_PARAMETER_NAME}
 * characters, values at most {@link #MAX_TEXT}, neither containing NUL (PostgreSQL's text type
 * cannot hold it).
 */
public final class TraceEventValidator {

    /** Longest text field or parameter value, in characters. */
    public static final int MAX_TEXT = 4096;
    /** Most parameters one event may carry (path variables and query parameters together). */
    public static final int MAX_PARAMETERS = 64;
    /** Longest parameter name, in characters. */
    public static final int MAX_PARAMETER_NAME = 256;

    /** One broken rule: the event's field (wire name) and a French explanation. */
    public record Violation(String field, String detail) {
    }

    private TraceEventValidator() {
    }

    /**
     * Checks {@code e} against every rule.
     *
     * @param now     the validating side's clock
     * @param maxSkew how far in the future a timestamp may be
     * @param oldest  timestamps before this instant are beyond retention
     * @return the broken rules, empty when the event can be stored
     */
    public static List<Violation> validate(TraceEvent e, Instant now, Duration maxSkew, Instant oldest) {
        List<Violation> errors = new ArrayList<>();
        if (e.id() == null) {
            errors.add(new Violation("id", "L'identifiant de l'événement (id) est obligatoire"));
        }
        if (e.timestamp() == null) {
            errors.add(new Violation("timestamp", "L'horodatage de l'événement (timestamp) est obligatoire"));
        } else if (e.timestamp().isAfter(now.plus(maxSkew))) {
            errors.add(new Violation("timestamp", "L'horodatage de l'événement est dans le futur"));
        } else if (e.timestamp().isBefore(oldest)) {
            errors.add(new Violation("timestamp",
                    "L'horodatage de l'événement est antérieur à la durée de conservation des traces"));
        }
        if (e.kind() == null) {
            errors.add(new Violation("kind", "Le type de l'événement (kind) est obligatoire : api_call ou admin_action"));
        }
        if (e.status() < 100 || e.status() > 599) {
            errors.add(new Violation("status", "Le statut HTTP (status) doit être compris entre 100 et 599"));
        }
        if (e.kind() == TraceEvent.Kind.API_CALL && (e.method() == null || e.path() == null)) {
            errors.add(new Violation("path", "Un appel d'API doit indiquer sa méthode (method) et son chemin (path)"));
        }
        if (e.kind() == TraceEvent.Kind.ADMIN_ACTION && e.action() == null) {
            errors.add(new Violation("action", "Une action d'administration doit indiquer l'action (action)"));
        }
        if (e.latencyMs() != null && e.latencyMs() < 0) {
            errors.add(new Violation("latency_ms", "La latence (latency_ms) ne peut pas être négative"));
        }
        checkText(errors, "request_id", e.requestId());
        checkText(errors, "token_jti", e.tokenJti());
        checkText(errors, "habilitation_id", e.habilitationId());
        checkText(errors, "partner_siret", e.partnerSiret());
        checkText(errors, "api_kind", e.apiKind());
        checkText(errors, "method", e.method());
        checkText(errors, "operation_id", e.operationId());
        checkText(errors, "path", e.path());
        checkText(errors, "client_ip", e.clientIp());
        checkText(errors, "user_agent", e.userAgent());
        checkText(errors, "error_code", e.errorCode());
        checkText(errors, "provider", e.provider());
        checkText(errors, "actor", e.actor());
        checkText(errors, "action", e.action());
        checkText(errors, "reason", e.reason());
        if (e.parameters() != null) {
            if (e.parameters().size() > MAX_PARAMETERS) {
                errors.add(new Violation("parameters", "Trop de paramètres (au plus " + MAX_PARAMETERS + ")"));
            }
            for (Map.Entry<String, String> p : e.parameters().entrySet()) {
                String name = p.getKey();
                String value = p.getValue();
                if (name == null || name.length() > MAX_PARAMETER_NAME || name.indexOf('\0') >= 0
                        || (value != null && (value.length() > MAX_TEXT || value.indexOf('\0') >= 0))) {
                    errors.add(new Violation("parameters", "Paramètre trop long ou contenant un caractère nul : "
                            + abbreviate(String.valueOf(name))));
                }
            }
        }
        return errors;
    }

    /** True when {@code value} fits a text field: at most {@link #MAX_TEXT} characters, no NUL. */
    public static boolean fitsText(String value) {
        return value == null || (value.length() <= MAX_TEXT && value.indexOf('\0') < 0);
    }

    private static void checkText(List<Violation> errors, String field, String value) {
        if (!fitsText(value)) {
            errors.add(new Violation(field,
                    "Le champ " + field + " est trop long (au plus " + MAX_TEXT + " caractères) ou contient un caractère nul"));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
