package fr.guichet.status.francetravail.mapping;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code data} of {@code api_particulier_v3_france_travail_indemnites_with_identifiant}, from
 * France Travail's {@code listePaiement} (as the reference implementation's
 * {@code FranceTravail::Indemnites::BuildResource}): one entry per payment, amounts in euros as sent.
 */
public record Indemnites(String identifiant, List<Paiement> paiements) {

    public record Paiement(@JsonProperty("date_versement") String dateVersement,
                           @JsonProperty("montant_total") JsonNode montantTotal,
                           @JsonProperty("montant_allocations") JsonNode montantAllocations,
                           @JsonProperty("montant_aides") JsonNode montantAides,
                           @JsonProperty("montant_autres") JsonNode montantAutres) {
    }

    /** Maps France Travail's answer (whose {@code listePaiement} the client has checked) for {@code identifiant}. */
    public static Indemnites from(String identifiant, JsonNode body) {
        List<Paiement> paiements = new ArrayList<>();
        for (JsonNode p : body.path("listePaiement")) {
            paiements.add(new Paiement(FranceTravailValues.date(p, "datePaiement"), p.get("montantPaiement"),
                    p.get("allocations"), p.get("aides"), p.get("autresPaiements")));
        }
        return new Indemnites(identifiant, paiements);
    }
}
