package fr.guichet.gateway.auth;

import java.util.Set;

/** A verified API token: what its signed claims say. Redis/token-service state comes later. */
public record CallerToken(String jti, String habilitationId, String siret, Set<String> scopes, String type,
                          String apiKind, long expiresAt) {

    public static final String TYPE_API = "JWT";
    public static final String TYPE_ACCESS = "at+jwt";
}
