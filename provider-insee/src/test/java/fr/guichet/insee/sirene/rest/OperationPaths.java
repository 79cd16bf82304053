package fr.guichet.insee.sirene.rest;

import fr.guichet.insee.sirene.service.InseeOperation;
import java.util.Map;

/** The public path of each operation, as the gateway forwards it. */
public final class OperationPaths {

    public static final Map<String, String> MANDATORY_PARAMS = Map.of(
            "context", "Test de l'API", "object", "Test de l'API", "recipient", "13002526500013");

    private OperationPaths() {
    }

    public static String path(InseeOperation op, String id) {
        String v = "/v" + op.version() + "/insee/sirene/";
        String diff = op.diffusible() ? "diffusibles/" : "";
        return switch (op.resource()) {
            case UNITE_LEGALE -> v + "unites_legales/" + diff + id;
            case SIEGE -> v + "unites_legales/" + diff + id + "/siege_social";
            case ETABLISSEMENT -> v + "etablissements/" + diff + id;
            case ADRESSE -> v + "etablissements/" + diff + id + "/adresse";
            case SUCCESSIONS -> v + "etablissements/" + id + "/successions";
        };
    }
}
