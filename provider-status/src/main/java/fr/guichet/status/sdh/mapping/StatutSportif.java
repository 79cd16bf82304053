package fr.guichet.status.sdh.mapping;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code data} of {@code api_particulier_v3_sdh_statut_sportif_with_identifiant}, from the SDH's
 * athlete file as the reference builds it ({@code SDH::StatutSportif::BuildResource}): the current
 * status is the first "fiche haut niveau" whose rights cover today, the previous ones all the
 * others; the establishment and region are those of the active "fiche sportif", for every status.
 */
public record StatutSportif(Identite identite,
                            @JsonProperty("est_sportif_de_haut_niveau") boolean estSportifDeHautNiveau,
                            @JsonProperty("a_ete_sportif_de_haut_niveau") boolean aEteSportifDeHautNiveau,
                            @JsonProperty("informations_statut") Statut informationsStatut,
                            @JsonProperty("informations_statuts_precedents") List<Statut> informationsStatutsPrecedents) {

    public record Identite(@JsonProperty("nom_naissance") String nomNaissance, @JsonProperty("nom_usage") String nomUsage,
                           String prenoms, @JsonProperty("date_naissance") String dateNaissance, String sexe) {
    }

    /** One status; {@code fiche} (the SDH's file number) only for the previous ones. */
    public record Statut(@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                         Long fiche, Periode periode, Federation federation, Etablissement etablissement, Region region,
                         Categorie categorie, @JsonProperty("sportif_de_haut_niveau") Boolean sportifDeHautNiveau) {
    }

    public record Periode(@JsonProperty("date_debut_statut") String dateDebutStatut,
                          @JsonProperty("date_fin_statut") String dateFinStatut) {
    }

    public record Federation(@JsonProperty("code_federation") String codeFederation,
                             @JsonProperty("nom_federation") String nomFederation,
                             @JsonProperty("nom_court_federation") String nomCourtFederation) {
    }

    public record Etablissement(@JsonProperty("code_etablissement") String codeEtablissement,
                                @JsonProperty("nom_etablissement") String nomEtablissement) {
    }

    public record Region(@JsonProperty("code_region") String codeRegion, @JsonProperty("nom_region") String nomRegion) {
    }

    public record Categorie(@JsonProperty("code_categorie") String codeCategorie, @JsonProperty("nom_categorie") String nomCategorie,
                            String valeur) {
    }

    /** Maps the SDH's file as of {@code today} (Paris). */
    public static StatutSportif from(JsonNode body, LocalDate today) {
        List<JsonNode> fiches = new ArrayList<>();
        body.path("fichesHN").forEach(fiches::add);
        JsonNode current = fiches.stream().filter(f -> covers(f, today)).findFirst().orElse(null);
        JsonNode sportif = null;
        for (JsonNode f : body.path("fichesSportif")) {
            if (f.path("active").asBoolean(false)) {
                sportif = f;
                break;
            }
        }
        Etablissement etablissement = new Etablissement(text(sportif, "etablissement"), text(sportif, "nomEtablissement"));
        Region region = new Region(text(sportif, "region"), text(sportif, "nomRegion"));
        List<Statut> previous = new ArrayList<>();
        for (JsonNode f : fiches) {
            if (f != current) {
                previous.add(statut(f, f.path("fiche").isNumber() ? f.get("fiche").asLong() : null, etablissement, region));
            }
        }
        return new StatutSportif(
                new Identite(text(body, "nom"), text(body, "nomUsage"), text(body, "prenom"), date(body, "dateNaissance"),
                        text(body, "genre")),
                current != null && current.path("hautNiveau").asBoolean(false),
                fiches.stream().anyMatch(f -> f.path("hautNiveau").asBoolean(false)),
                current == null ? null : statut(current, null, etablissement, region),
                previous);
    }

    private static Statut statut(JsonNode fiche, Long number, Etablissement etablissement, Region region) {
        return new Statut(number, new Periode(date(fiche, "debutDroits"), date(fiche, "finDroits")),
                new Federation(text(fiche, "federation"), text(fiche, "nomFederation"), text(fiche, "nomCourtFederation")),
                etablissement, region,
                new Categorie(text(fiche, "categorie"), text(fiche, "libCategorie"), text(fiche, "valeur")),
                fiche.path("hautNiveau").isBoolean() ? fiche.get("hautNiveau").asBoolean() : null);
    }

    private static boolean covers(JsonNode fiche, LocalDate today) {
        String start = date(fiche, "debutDroits");
        String end = date(fiche, "finDroits");
        return start != null && end != null && !today.isBefore(LocalDate.parse(start)) && !today.isAfter(LocalDate.parse(end));
    }

    /** A value as text (numbers too: the SDH sends codes as numbers, API Particulier as strings), or null. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }

    /** The day of a date-time such as {@code 2026-01-01T00:00:00}, or null. */
    private static String date(JsonNode node, String field) {
        String value = text(node, field);
        return value == null || value.length() < 10 ? null : LocalDate.parse(value.substring(0, 10)).toString();
    }
}
