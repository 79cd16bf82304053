package fr.guichet.acoss.servicecivique.mapping;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code data} of API Particulier's service civique operations, from GIP-MDS's {@code individu}
 * as the reference implementation builds it ({@code GIPMDS::ServiceCivique::BuildResource}): the
 * first contract of the first establishment of the first employer is the one looked at; it is
 * current when it has no end date or ended by a break of motive 99 or 100, otherwise past. The
 * other status says "no contract" with its attributes null.
 */
public record ServiceCivique(@JsonProperty("statut_actuel") Statut statutActuel,
                             @JsonProperty("statut_passe") Statut statutPasse) {

    /** GIP-MDS's {@code motifRupture} values that leave the contract current. */
    static final Set<String> STILL_CURRENT_BREAKS = Set.of("99", "100");

    public record Statut(@JsonProperty("contrat_trouve") boolean contratTrouve,
                         @JsonProperty("organisme_accueil") OrganismeAccueil organismeAccueil,
                         @JsonProperty("date_debut_contrat") String dateDebutContrat,
                         @JsonProperty("date_fin_contrat") String dateFinContrat) {

        static final Statut NONE = new Statut(false, new OrganismeAccueil(null, null), null, null);
    }

    public record OrganismeAccueil(String siret, @JsonProperty("raison_sociale") String raisonSociale) {
    }

    /** Maps GIP-MDS's {@code individu}, or "no contract" for both statuses when there is none. */
    public static ServiceCivique from(Optional<JsonNode> individu) {
        JsonNode entreprise = individu.map(i -> i.path("entreprise").path(0)).orElse(null);
        JsonNode etablissement = entreprise == null ? null : entreprise.path("etablissement").path(0);
        JsonNode contrat = etablissement == null ? null : etablissement.path("contrat").path(0);
        if (contrat == null || !contrat.isObject()) {
            return new ServiceCivique(Statut.NONE, Statut.NONE);
        }
        Statut found = new Statut(true, new OrganismeAccueil(text(etablissement, "siret"), text(entreprise, "raisonSociale")),
                text(contrat, "dateDebutContrat"), text(contrat, "dateFinContrat"));
        boolean current = text(contrat, "dateFinContrat") == null || STILL_CURRENT_BREAKS.contains(text(contrat, "motifRupture"));
        return current ? new ServiceCivique(found, Statut.NONE) : new ServiceCivique(Statut.NONE, found);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
