package fr.guichet.dgfip;

/**
 * Operation ids of provider-dgfip's handlers, as {@code guichet/operations/dgfip.yml} declares
 * them (the names shared with authorizations.yml, throttle.yml, the sandbox payloads, the
 * gateway's route catalogue and the traces).
 */
public final class DgfipOperations {

    public static final String ATTESTATIONS_FISCALES_V3 = "api_entreprise_v3_dgfip_attestations_fiscales";
    public static final String CHIFFRES_AFFAIRES_V3 = "api_entreprise_v3_dgfip_chiffres_affaires";
    public static final String LIASSES_FISCALES_V3 = "api_entreprise_v3_dgfip_liasses_fiscales";
    public static final String LIENS_CAPITALISTIQUES_V3 = "api_entreprise_v3_dgfip_liens_capitalistiques";

    private DgfipOperations() {
    }
}
