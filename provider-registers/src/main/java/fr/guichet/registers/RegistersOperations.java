package fr.guichet.registers;

/**
 * Operation ids served by this adapter (the names shared by authorizations.yml, throttle.yml, the
 * sandbox cases and the traces); paths in {@code guichet/operations/registers.yml}.
 */
public final class RegistersOperations {

    /** {@code GET /v3/infogreffe/rcs/unites_legales/{siren}/extrait_kbis}. */
    public static final String INFOGREFFE_EXTRAITS_RCS = "api_entreprise_v3_infogreffe_extraits_rcs";
    /** {@code GET /v3/infogreffe/rcs/unites_legales/{siren}/mandataires_sociaux}. */
    public static final String INFOGREFFE_MANDATAIRES_SOCIAUX = "api_entreprise_v3_infogreffe_mandataires_sociaux";
    /** {@code GET /v3/inpi/rne/unites_legales/{siren}/extrait_rne}. */
    public static final String INPI_RNE_EXTRAIT = "api_entreprise_v3_inpi_rne_extrait_rne";
    /** {@code GET /v3/inpi/rne/unites_legales/{siren}/beneficiaires_effectifs}. */
    public static final String INPI_RNE_BENEFICIAIRES_EFFECTIFS = "api_entreprise_v3_inpi_rne_beneficiaires_effectifs";
    /** {@code GET /v3/inpi/rne/unites_legales/open_data/{siren}/actes_bilans}. */
    public static final String INPI_RNE_ACTES_BILANS = "api_entreprise_v3_inpi_rne_actes_bilans";
    /** {@code GET /v3/cma_france/rnm/unites_legales/{siren}}. */
    public static final String RNM_ENTREPRISES_ARTISANALES = "api_entreprise_v3_rnm_entreprises_artisanales";

    private RegistersOperations() {
    }
}
