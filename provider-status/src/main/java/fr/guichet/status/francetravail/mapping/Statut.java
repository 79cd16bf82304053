package fr.guichet.status.francetravail.mapping;

import static fr.guichet.status.francetravail.mapping.FranceTravailValues.date;
import static fr.guichet.status.francetravail.mapping.FranceTravailValues.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code data} of {@code api_particulier_v3_france_travail_statut_with_identifiant}, from
 * France Travail's "statut augmenté" (field by field as the reference implementation's
 * {@code FranceTravail::Statut::BuildResource}: blank values are null, dates keep their day).
 */
public record Statut(String identifiant, Identite identite, Contact contact, Adresse adresse, Inscription inscription) {

    public record Identite(String civilite, @JsonProperty("nom_naissance") String nomNaissance,
                           @JsonProperty("nom_usage") String nomUsage, String prenom, String sexe,
                           @JsonProperty("date_naissance") String dateNaissance) {
    }

    public record Contact(String email, String telephone, String telephone2) {
    }

    public record Adresse(@JsonProperty("code_cog_insee_commune") String codeCogInseeCommune,
                          @JsonProperty("code_postal") String codePostal,
                          @JsonProperty("ligne_complement_adresse") String ligneComplementAdresse,
                          @JsonProperty("ligne_complement_destinataire") String ligneComplementDestinataire,
                          @JsonProperty("ligne_complement_distribution") String ligneComplementDistribution,
                          @JsonProperty("ligne_nom") String ligneNom,
                          @JsonProperty("ligne_voie") String ligneVoie,
                          String localite) {
    }

    public record Inscription(@JsonProperty("date_debut") String dateDebut, @JsonProperty("date_fin") String dateFin,
                              @JsonProperty("code_certification_cnav") String codeCertificationCnav, Categorie categorie) {
    }

    /** {@code code}: France Travail's category as a number (1 to 8). */
    public record Categorie(int code, String libelle) {
    }

    /**
     * Maps France Travail's answer for {@code identifiant} (the caller's, not France Travail's).
     *
     * @throws NumberFormatException when {@code categorieInscription} is not a number (a 502 XX999 upstream answer)
     */
    public static Statut from(String identifiant, JsonNode body) {
        JsonNode address = body.path("adresse");
        return new Statut(identifiant,
                new Identite(text(body, "civilite"), text(body, "nom"), text(body, "nomUsage"), text(body, "prenom"),
                        text(body, "sexe"), date(body, "dateNaissance")),
                new Contact(text(body, "email"), text(body, "telephone"), text(body, "telephone2")),
                new Adresse(text(address, "INSEECommune"), text(address, "codePostal"), text(address, "ligneComplementAdresse"),
                        text(address, "ligneComplementDestinataire"), text(address, "ligneComplementDistribution"),
                        text(address, "ligneNom"), text(address, "ligneVoie"), text(address, "localite")),
                new Inscription(date(body, "dateInscription"), date(body, "dateCessationInscription"),
                        text(body, "codeCertificationCNAV"),
                        new Categorie(Integer.parseInt(text(body, "categorieInscription").strip()),
                                text(body, "libellecategorieInscription"))));
    }
}
