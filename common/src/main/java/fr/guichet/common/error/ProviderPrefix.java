package fr.guichet.common.error;

/**
 * Two-digit prefixes of API Entreprise error codes ({@code XXYYY}): {@code XX} names who failed.
 * Generic provider errors of the catalogue ({@code subcode}) are combined with one of these.
 */
public enum ProviderPrefix {
    PLATFORM("00"),
    INSEE("01"),
    DGFIP("03"),
    ACOSS("04"),
    GIP_MDS("31"),
    /** Douanes (DGDDI): EORI registrations. */
    DGDDI("33");

    private final String prefix;

    ProviderPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    public String code(String subcode) {
        return prefix + subcode;
    }
}
