package fr.guichet.portal.demarche.service;

import java.time.Instant;

/** One traced call of a token, as the last-requests page and its CSV show it. */
public record RequestRow(Instant timestamp, String operationId, String path, int status, String errorCode,
                         Long latencyMs, String requestId) {

    /** Whether the call failed (4xx or 5xx): those rows stand out. */
    public boolean error() {
        return status >= 400;
    }

    /** Paris time, as partners read it. */
    public String time() {
        return DemarcheService.DATE_TIME.format(timestamp);
    }
}
