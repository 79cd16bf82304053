package fr.guichet.trace.ingestion.service;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.trace.TraceEvent;
import fr.guichet.common.trace.TraceEventValidator;
import fr.guichet.trace.error.TraceErrors;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Checks one incoming event with the rules shared with the gateway ({@link TraceEventValidator});
 * the errors name the event by its index in the batch.
 */
final class EventValidator {

    private EventValidator() {
    }

    static List<ApiError> validate(int index, TraceEvent e, Instant now, Duration maxSkew, Instant oldest) {
        return TraceEventValidator.validate(e, now, maxSkew, oldest).stream()
                .map(v -> TraceErrors.invalidEvent(index, v.field(), v.detail()))
                .toList();
    }
}
