package fr.guichet.trace.ingestion.service;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.trace.TraceEvent;
import fr.guichet.trace.error.TraceErrors;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks one incoming event; the errors name the event by its index in the batch. */
final class EventValidator {

    static final int MAX_TEXT = 4096;
    static final int MAX_PARAMETERS = 64;

    private EventValidator() {
    }

    static List<ApiError> validate(int index, TraceEvent e, Instant now, Duration maxSkew, Instant oldest) {
        List<ApiError> errors = new ArrayList<>();
        if (e.id() == null) {
            errors.add(TraceErrors.invalidEvent(index, "id", "L'identifiant de l'événement (id) est obligatoire"));
        }
        if (e.timestamp() == null) {
            errors.add(TraceErrors.invalidEvent(index, "timestamp", "L'horodatage de l'événement (timestamp) est obligatoire"));
        } else if (e.timestamp().isAfter(now.plus(maxSkew))) {
            errors.add(TraceErrors.invalidEvent(index, "timestamp", "L'horodatage de l'événement est dans le futur"));
        } else if (e.timestamp().isBefore(oldest)) {
            errors.add(TraceErrors.invalidEvent(index, "timestamp",
                    "L'horodatage de l'événement est antérieur à la durée de conservation des traces"));
        }
        if (e.kind() == null) {
            errors.add(TraceErrors.invalidEvent(index, "kind", "Le type de l'événement (kind) est obligatoire : api_call ou admin_action"));
        }
        if (e.status() < 100 || e.status() > 599) {
            errors.add(TraceErrors.invalidEvent(index, "status", "Le statut HTTP (status) doit être compris entre 100 et 599"));
        }
        if (e.kind() == TraceEvent.Kind.API_CALL && (e.method() == null || e.path() == null)) {
            errors.add(TraceErrors.invalidEvent(index, "path", "Un appel d'API doit indiquer sa méthode (method) et son chemin (path)"));
        }
        if (e.kind() == TraceEvent.Kind.ADMIN_ACTION && e.action() == null) {
            errors.add(TraceErrors.invalidEvent(index, "action", "Une action d'administration doit indiquer l'action (action)"));
        }
        if (e.latencyMs() != null && e.latencyMs() < 0) {
            errors.add(TraceErrors.invalidEvent(index, "latency_ms", "La latence (latency_ms) ne peut pas être négative"));
        }
        checkLength(errors, index, "request_id", e.requestId());
        checkLength(errors, index, "token_jti", e.tokenJti());
        checkLength(errors, index, "habilitation_id", e.habilitationId());
        checkLength(errors, index, "partner_siret", e.partnerSiret());
        checkLength(errors, index, "api_kind", e.apiKind());
        checkLength(errors, index, "method", e.method());
        checkLength(errors, index, "operation_id", e.operationId());
        checkLength(errors, index, "path", e.path());
        checkLength(errors, index, "client_ip", e.clientIp());
        checkLength(errors, index, "user_agent", e.userAgent());
        checkLength(errors, index, "error_code", e.errorCode());
        checkLength(errors, index, "provider", e.provider());
        checkLength(errors, index, "actor", e.actor());
        checkLength(errors, index, "action", e.action());
        checkLength(errors, index, "reason", e.reason());
        if (e.parameters() != null) {
            if (e.parameters().size() > MAX_PARAMETERS) {
                errors.add(TraceErrors.invalidEvent(index, "parameters", "Trop de paramètres (au plus " + MAX_PARAMETERS + ")"));
            }
            for (Map.Entry<String, String> p : e.parameters().entrySet()) {
                if (p.getKey().length() > 256 || p.getKey().indexOf('\0') >= 0
                        || (p.getValue() != null && (p.getValue().length() > MAX_TEXT || p.getValue().indexOf('\0') >= 0))) {
                    errors.add(TraceErrors.invalidEvent(index, "parameters", "Paramètre trop long : " + abbreviate(p.getKey())));
                }
            }
        }
        return errors;
    }

    private static void checkLength(List<ApiError> errors, int index, String field, String value) {
        if (value != null && (value.length() > MAX_TEXT || value.indexOf('\0') >= 0)) {
            errors.add(TraceErrors.invalidEvent(index, field,
                    "Le champ " + field + " est trop long (au plus " + MAX_TEXT + " caractères) ou contient un caractère nul"));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
