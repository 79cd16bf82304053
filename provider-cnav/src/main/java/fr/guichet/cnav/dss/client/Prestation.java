package fr.guichet.cnav.dss.client;

import java.util.Arrays;
import java.util.Optional;

/**
 * The prestations of CNAV's DSS exchange that API Particulier serves: the name of each in CNAV's
 * exchange (its settings {@code guichet.cnav.prestations.<name>.*}, its token cache key and metric
 * path) and the API Particulier name of its two operations ({@code .../<route>/identite} and
 * {@code .../<route>/france_connect}).
 */
public enum Prestation {
    QUOTIENT_FAMILIAL("quotient_familial_v2", "quotient_familial"),
    COMPLEMENTAIRE_SANTE_SOLIDAIRE("complementaire_sante_solidaire", "complementaire_sante_solidaire"),
    REVENU_SOLIDARITE_ACTIVE("revenu_solidarite_active", "revenu_solidarite_active"),
    PRIME_ACTIVITE("prime_activite", "prime_activite"),
    ALLOCATION_ADULTE_HANDICAPE("allocation_adulte_handicape", "allocation_adulte_handicape"),
    ALLOCATION_SOUTIEN_FAMILIAL("allocation_soutien_familial", "allocation_soutien_familial"),
    ALLOCATION_ENFANT_HANDICAPE("allocation_enfant_handicape", "allocation_enfant_handicape"),
    PARTICIPATION_FAMILIALE_EAJE("participation_familiale_eaje", "participation_familiale_eaje");

    private static final String OPERATION_PREFIX = "api_particulier_v3_cnav_";

    private final String exchangeName;
    private final String route;

    Prestation(String exchangeName, String route) {
        this.exchangeName = exchangeName;
        this.route = route;
    }

    /** Its name in CNAV's exchange ({@code quotient_familial_v2}). */
    public String exchangeName() {
        return exchangeName;
    }

    /** The operation id of its civility route. */
    public String civilityOperation() {
        return OPERATION_PREFIX + route + "_with_civility";
    }

    /** The operation id of its FranceConnect route (answered as the civility one: the gateway sends the identity). */
    public String franceConnectOperation() {
        return OPERATION_PREFIX + route + "_with_france_connect";
    }

    /** The prestation an operation id asks for. */
    public static Optional<Prestation> ofOperation(String operationId) {
        return Arrays.stream(values())
                .filter(p -> p.civilityOperation().equals(operationId) || p.franceConnectOperation().equals(operationId))
                .findFirst();
    }
}
