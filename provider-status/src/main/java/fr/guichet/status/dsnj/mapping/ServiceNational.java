package fr.guichet.status.dsnj.mapping;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code data} of the DSNJ operations, from the DSNJ's result (as the reference's
 * {@code DSNJ::ServiceNational::BuildResource}): {@code en_regle} as API Particulier's value,
 * {@code complement} as the comment.
 */
public record ServiceNational(@JsonProperty("statut_service_national") String statutServiceNational, String commentaires) {

    static final Map<String, String> STATUTS = Map.of(
            "En règle", "en_regle",
            "Pas en règle", "pas_en_regle",
            "Indéterminé", "indetermine",
            "Non concerné", "non_concerne");

    /** The mapped result, or empty when the DSNJ's status is none of the four API Particulier knows. */
    public static Optional<ServiceNational> from(JsonNode result) {
        JsonNode complement = result.path("complement");
        return Optional.ofNullable(STATUTS.get(result.path("en_regle").asText("")))
                .map(s -> new ServiceNational(s, complement.isValueNode() && !complement.isNull() ? complement.asText() : null));
    }
}
