package fr.guichet.common.error;

/**
 * Two-digit prefixes of API Entreprise and API Particulier error codes ({@code XXYYY}): {@code XX}
 * names who failed. Generic provider errors of the catalogue ({@code subcode}) are combined with one
 * of these. The numbers are API Entreprise's and API Particulier's own (their tables of providers by code); a sandbox case may
 * carry another prefix in its example body, which the sandbox answers verbatim.
 */
public enum ProviderPrefix {
    PLATFORM("00"),
    INSEE("01"),
    INFOGREFFE("02"),
    DGFIP("03"),
    ACOSS("04"),
    INPI("05"),
    QUALIBAT("06"),
    /** Répertoire national des associations. */
    RNA("07"),
    CNETP("08"),
    PROBTP("09"),
    MSA("10"),
    OPQIBI("11"),
    FNTP("12"),
    /** Fabrique numérique des ministères sociaux: conventions collectives. */
    FABRIQUE_NUMERIQUE("14"),
    CMA_FRANCE("15"),
    /** Douanes (DGDDI): EORI registrations. */
    DGDDI("16"),
    BANQUE_DE_FRANCE("17"),
    ADEME("19"),
    /** Ministère de l'Intérieur: associations. */
    MI("21"),
    RNM("22"),
    /** API Particulier: Caisse nationale des allocations familiales. */
    CNAF("23"),
    /** API Particulier: France Travail (formerly Pôle emploi). */
    FRANCE_TRAVAIL("24"),
    /** API Particulier: Ministère de l'Enseignement supérieur (statut étudiant). */
    MESRI("25"),
    /** API Particulier: CNOUS (bourses sur critères sociaux). */
    CNOUS("26"),
    /** Commission européenne: VIES. */
    COMMISSION_EUROPEENNE("28"),
    DJEPVA("29"),
    /** API Particulier: Ministère de l'Éducation nationale (scolarités). */
    MEN("30"),
    GIP_MDS("31"),
    QUALIFELEC("32"),
    CARIF_OREF("33"),
    INPI_RNE("34"),
    /** API Particulier: CNAF and MSA together (allocataire unknown to both). */
    CNAF_MSA("35"),
    /** API Particulier: Caisse nationale d'assurance vieillesse (prestations sociales). */
    CNAV("37"),
    CIBTP("38"),
    /** API Particulier: Direction du service national et de la jeunesse. */
    DSNJ("39"),
    /** API Particulier: sportifs de haut niveau. */
    SDH("41"),
    /** API Particulier: Agence nationale des titres sécurisés (immatriculation). */
    ANTS("42"),
    /** API Particulier: FranceConnect check-token. */
    FRANCE_CONNECT("51"),
    DATA_SUBVENTION("52");

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
