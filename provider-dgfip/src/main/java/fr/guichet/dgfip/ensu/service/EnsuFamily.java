package fr.guichet.dgfip.ensu.service;

import java.util.Arrays;
import java.util.Optional;

/**
 * The seven ENSU DOCUMENTS families. Each is a path segment, a scope of its own in the gateway's
 * catalogue, and an upstream family code (docs/ensu-documents.md).
 */
public enum EnsuFamily {
    DECLARATIVES("declaratives", "DECLARATIVE", "Documents déclaratifs"),
    BANCAIRES("bancaires", "BANCAIRE", "Documents bancaires"),
    CREANCES("creances", "CREANCE", "Créances"),
    PAIEMENTS("paiements", "PAIEMENT", "Paiements"),
    REMBOURSEMENTS("remboursements", "REMBOURSEMENT", "Remboursements"),
    OBLIGATIONS_FISCALES("obligations_fiscales", "OBLIGATION_FISCALE", "Obligations fiscales"),
    HABILITATIONS("habilitations", "HABILITATION", "Habilitations");

    private final String slug;
    private final String upstreamCode;
    private final String label;

    EnsuFamily(String slug, String upstreamCode, String label) {
        this.slug = slug;
        this.upstreamCode = upstreamCode;
        this.label = label;
    }

    public String slug() {
        return slug;
    }

    public String upstreamCode() {
        return upstreamCode;
    }

    public String label() {
        return label;
    }

    /** Scope that opens this family's routes at the gateway. */
    public String scope() {
        return "ensu_documents_" + slug + "_dgfip";
    }

    public static Optional<EnsuFamily> fromSlug(String slug) {
        return Arrays.stream(values()).filter(f -> f.slug.equals(slug)).findFirst();
    }

    public static Optional<EnsuFamily> fromUpstream(String code) {
        return Arrays.stream(values()).filter(f -> f.upstreamCode.equalsIgnoreCase(code) || f.slug.equals(code))
                .findFirst();
    }
}
