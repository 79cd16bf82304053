package fr.guichet.insee.sirene.service;

/**
 * The INSEE operations of the API Entreprise OpenAPI that Guichet serves in production mode, by
 * operation id (declared, with their paths, in {@code guichet/operations/insee.yml}): what each
 * one asks INSEE and how its answer is shaped.
 */
public enum InseeOperation {

    UNITES_LEGALES_V3("api_entreprise_v3_insee_unites_legales", 3, Resource.UNITE_LEGALE, false),
    UNITES_LEGALES_V4("api_entreprise_v4_insee_unites_legales", 4, Resource.UNITE_LEGALE, false),
    UNITES_LEGALES_DIFFUSIBLES_V3("api_entreprise_v3_insee_unites_legales_diffusables", 3, Resource.UNITE_LEGALE, true),
    UNITES_LEGALES_DIFFUSIBLES_V4("api_entreprise_v4_insee_unites_legales_diffusables", 4, Resource.UNITE_LEGALE, true),
    SIEGES_V3("api_entreprise_v3_insee_sieges_unites_legales", 3, Resource.SIEGE, false),
    SIEGES_V4("api_entreprise_v4_insee_sieges_unites_legales", 4, Resource.SIEGE, false),
    SIEGES_DIFFUSIBLES_V3("api_entreprise_v3_insee_sieges_diffusables_unites_legales", 3, Resource.SIEGE, true),
    SIEGES_DIFFUSIBLES_V4("api_entreprise_v4_insee_sieges_diffusables_unites_legales", 4, Resource.SIEGE, true),
    ETABLISSEMENTS_V3("api_entreprise_v3_insee_etablissements", 3, Resource.ETABLISSEMENT, false),
    ETABLISSEMENTS_V4("api_entreprise_v4_insee_etablissements", 4, Resource.ETABLISSEMENT, false),
    ETABLISSEMENTS_DIFFUSIBLES_V3("api_entreprise_v3_insee_etablissements_diffusables", 3, Resource.ETABLISSEMENT, true),
    ETABLISSEMENTS_DIFFUSIBLES_V4("api_entreprise_v4_insee_etablissements_diffusables", 4, Resource.ETABLISSEMENT, true),
    ADRESSES_V3("api_entreprise_v3_insee_adresses_etablissements", 3, Resource.ADRESSE, false),
    ADRESSES_DIFFUSIBLES_V3("api_entreprise_v3_insee_adresses_etablissements_diffusables", 3, Resource.ADRESSE, true),
    SUCCESSIONS_V3("api_entreprise_v3_insee_successions", 3, Resource.SUCCESSIONS, false);

    /** What an operation returns; decides the identifier kind and the upstream call. */
    public enum Resource {
        UNITE_LEGALE(IdentifierKind.SIREN),
        SIEGE(IdentifierKind.SIREN),
        ETABLISSEMENT(IdentifierKind.SIRET),
        ADRESSE(IdentifierKind.SIRET),
        SUCCESSIONS(IdentifierKind.SIRET);

        private final IdentifierKind identifierKind;

        Resource(IdentifierKind identifierKind) {
            this.identifierKind = identifierKind;
        }

        public IdentifierKind identifierKind() {
            return identifierKind;
        }
    }

    public enum IdentifierKind {
        SIREN("siren"), SIRET("siret");

        private final String parameter;

        IdentifierKind(String parameter) {
            this.parameter = parameter;
        }

        /** Name of the path parameter and of the fixtures' {@code params} key. */
        public String parameter() {
            return parameter;
        }
    }

    private final String id;
    private final int version;
    private final Resource resource;
    private final boolean diffusible;

    InseeOperation(String id, int version, Resource resource, boolean diffusible) {
        this.id = id;
        this.version = version;
        this.resource = resource;
        this.diffusible = diffusible;
    }

    public String id() {
        return id;
    }

    /**
     * The operation of a versioned operation id ({@code api_entreprise_v4_insee_unites_legales}).
     *
     * @throws IllegalArgumentException for an id provider-insee does not serve
     */
    public static InseeOperation byId(String id) {
        for (InseeOperation op : values()) {
            if (op.id.equals(id)) {
                return op;
            }
        }
        throw new IllegalArgumentException("Not an INSEE operation: " + id);
    }

    public int version() {
        return version;
    }

    public Resource resource() {
        return resource;
    }

    /** {@code /diffusibles/} routes: public data only, for form pre-filling. */
    public boolean diffusible() {
        return diffusible;
    }

    public IdentifierKind identifierKind() {
        return resource.identifierKind();
    }
}
