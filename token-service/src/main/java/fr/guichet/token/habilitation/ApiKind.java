package fr.guichet.token.habilitation;

import java.util.Arrays;
import java.util.Optional;

/** The API family a habilitation opens (claim {@code api_kind}). */
public enum ApiKind {
    ENTREPRISE("entreprise"),
    PARTICULIER("particulier");

    private final String wire;

    ApiKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<ApiKind> fromWire(String value) {
        return Arrays.stream(values()).filter(k -> k.wire.equals(value)).findFirst();
    }
}
