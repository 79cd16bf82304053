package fr.guichet.acoss;

/**
 * Operation ids served by this adapter (the names shared by authorizations.yml, throttle.yml, the
 * sandbox payloads and the traces), with their public paths.
 */
public final class AcossOperations {

    /** {@code GET /v3/urssaf/unites_legales/{siren}/attestation_vigilance}; throttle group urssaf_attestation_sociales. */
    public static final String ATTESTATION_VIGILANCE_V3 = "api_entreprise_v3_acoss_attestations_sociales";
    /** {@code GET /v4/urssaf/unites_legales/{siren}/attestation_vigilance}. */
    public static final String ATTESTATION_VIGILANCE_V4 = "api_entreprise_v4_acoss_attestations_sociales";
    /** {@code GET /v3/gip_mds/unites_legales/{siren}/effectifs_annuels/{year}}; throttle group gip_mds. */
    public static final String EFFECTIFS_ANNUELS = "api_entreprise_v3_gip_mds_effectifs_annuels_entreprise";
    /** {@code GET /v3/gip_mds/etablissements/{siret}/effectifs_mensuels/{month}/annee/{year}}; throttle group gip_mds. */
    public static final String EFFECTIFS_MENSUELS = "api_entreprise_v3_gip_mds_effectifs_mensuels_etablissement";

    private AcossOperations() {
    }
}
