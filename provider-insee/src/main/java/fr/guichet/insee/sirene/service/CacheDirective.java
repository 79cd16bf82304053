package fr.guichet.insee.sirene.service;

import java.util.Locale;

/** What the caller's {@code Cache-Control} asks of the response cache. */
public enum CacheDirective {
    /** Serve from the cache when possible. */
    USE,
    /** {@code no-cache}: ask INSEE, then keep the fresh answer. */
    REFRESH,
    /** {@code no-store}: ask INSEE and keep nothing. */
    NO_STORE;

    public static CacheDirective of(String cacheControl) {
        if (cacheControl == null) {
            return USE;
        }
        String value = cacheControl.toLowerCase(Locale.ROOT);
        if (value.contains("no-store")) {
            return NO_STORE;
        }
        return value.contains("no-cache") ? REFRESH : USE;
    }
}
