package fr.guichet.finance.douanes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The customs' {@code {"EORI": {...}}} answer as API Entreprise's v3 body
 * ({@code /v3/douanes/etablissements/{siret_or_eori}/immatriculations_eori}): {@code id},
 * {@code actif}, {@code code_pays}, {@code code_postal}, {@code libelle}, {@code pays},
 * {@code rue}, {@code ville}, as API Entreprise's DGDDI::EORI::BuildResource names them.
 */
public final class EoriRegistration {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EoriRegistration() {
    }

    /** The API Entreprise body, or empty when the answer holds no {@code EORI} object. */
    public static Optional<String> toApiEntreprise(JsonNode upstream) {
        JsonNode eori = upstream.path("EORI");
        if (!eori.isObject()) {
            return Optional.empty();
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.set("id", eori.get("identifiant"));
        data.set("actif", eori.get("actif"));
        data.set("code_pays", eori.get("codePays"));
        data.set("code_postal", eori.get("codePostal"));
        data.set("libelle", eori.get("libelle"));
        data.set("pays", eori.get("pays"));
        data.set("rue", eori.get("rue"));
        data.set("ville", eori.get("ville"));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("data", data);
        body.putObject("links");
        body.putObject("meta");
        try {
            return Optional.of(JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
