package fr.guichet.gateway.rest;

import java.util.UUID;
import java.util.regex.Pattern;

/** {@code X-Request-ID}: the caller's if well-formed, otherwise a fresh UUID. */
public final class RequestIds {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    public static String resolve(String header) {
        return header != null && VALID.matcher(header).matches() ? header : UUID.randomUUID().toString();
    }
}
