package fr.guichet.token.habilitation;

/** draft → submitted → validated | refused; validated → revoked. */
public enum HabilitationStatus {
    DRAFT("draft"),
    SUBMITTED("submitted"),
    VALIDATED("validated"),
    REFUSED("refused"),
    REVOKED("revoked");

    private final String wire;

    HabilitationStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static HabilitationStatus fromWire(String value) {
        for (HabilitationStatus s : values()) {
            if (s.wire.equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown habilitation status " + value);
    }
}
