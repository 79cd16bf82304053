package fr.guichet.trace.query.rest;

import fr.guichet.trace.error.TraceErrors;

/** Optional numeric query parameters; an empty value ({@code status=}) means absent. */
final class QueryParams {

    private QueryParams() {
    }

    static int limit(String value, int fallback, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw TraceErrors.invalidParameter("limit", "Le paramètre limit doit être un entier compris entre 1 et " + max);
    }

    static Integer status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int s = Integer.parseInt(value.trim());
            if (s >= 100 && s <= 599) {
                return s;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw TraceErrors.invalidParameter("status", "Le paramètre status doit être un statut HTTP (100 à 599)");
    }
}
