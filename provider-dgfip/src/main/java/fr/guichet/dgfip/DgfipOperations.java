package fr.guichet.dgfip;

/**
 * Operation ids served by provider-dgfip: the names shared with authorizations.yml, throttle.yml,
 * the sandbox payloads, the gateway's route catalogue and the traces. (Candidates for common's
 * {@code OperationIds}.)
 */
public final class DgfipOperations {

    public static final String ATTESTATIONS_FISCALES_V3 = "api_entreprise_v3_dgfip_attestations_fiscales";
    public static final String ATTESTATIONS_FISCALES_V4 = "api_entreprise_v4_dgfip_attestations_fiscales";
    public static final String CHIFFRES_AFFAIRES_V3 = "api_entreprise_v3_dgfip_chiffres_affaires";
    public static final String LIASSES_FISCALES_V3 = "api_entreprise_v3_dgfip_liasses_fiscales";
    public static final String LIENS_CAPITALISTIQUES_V3 = "api_entreprise_v3_dgfip_liens_capitalistiques";

    /** ENSU DOCUMENTS (Guichet extension): one list and one fetch operation per family. */
    public static String ensuList(String family) {
        return "guichet_v3_dgfip_ensu_" + family + "_documents";
    }

    public static String ensuFetch(String family) {
        return "guichet_v3_dgfip_ensu_" + family + "_document";
    }

    private DgfipOperations() {
    }
}
