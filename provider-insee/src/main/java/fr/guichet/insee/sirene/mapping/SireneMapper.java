package fr.guichet.insee.sirene.mapping;

import static fr.guichet.insee.sirene.mapping.Standardisation.code;
import static fr.guichet.insee.sirene.mapping.Standardisation.epochSeconds;
import static fr.guichet.insee.sirene.mapping.Standardisation.flag;
import static fr.guichet.insee.sirene.mapping.Standardisation.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns INSEE Sirene 3.11 JSON into the {@code data} objects of API Entreprise's INSEE routes
 * (v3 and v4), key order as the official examples. Values go through {@link Standardisation}
 * only; labels come from {@link Nomenclatures}. Diffusion rules are applied afterwards.
 */
public final class SireneMapper {

    public static final String PERSONNE_PHYSIQUE = "personne_physique";
    public static final String PERSONNE_MORALE = "personne_morale";
    /** INSEE's legal category of natural persons (entrepreneurs individuels). */
    private static final String NATURAL_PERSON_CATEGORY = "1000";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SireneMapper() {
    }

    /** {@code data} of the unités légales routes, from {@code uniteLegale} of {@code GET /siren/{siren}}. */
    public static ObjectNode uniteLegale(JsonNode raw, int version) {
        UniteLegaleView ul = new UniteLegaleView(raw);
        ObjectNode data = JSON.objectNode();
        data.put("siren", text(ul.get("siren")));
        data.put("rna", text(ul.get("identifiantAssociationUniteLegale")));
        data.put("siret_siege_social", ul.siretSiege());
        data.put("categorie_entreprise", code(ul.get("categorieEntreprise")));
        data.put("status_diffusion", diffusionStatus(ul.get("statutDiffusionUniteLegale")));
        data.put("diffusable_commercialement", "O".equals(code(ul.get("statutDiffusionUniteLegale"))));
        data.put("type", ul.type());
        data.set("personne_morale_attributs", personneMorale(ul));
        data.set("personne_physique_attributs", personnePhysique(ul));
        data.set("forme_juridique", formeJuridique(ul));
        data.set("activite_principale", activite(ul.get("activitePrincipaleUniteLegale"), ul.get("nomenclatureActivitePrincipaleUniteLegale")));
        if (version >= 4) {
            data.set("activite_principale_naf_rev2", activiteNafRev2(ul.get("activitePrincipaleUniteLegale"), ul.get("nomenclatureActivitePrincipaleUniteLegale")));
        }
        data.set("tranche_effectif_salarie", tranche(ul.get("trancheEffectifsUniteLegale"), ul.get("anneeEffectifsUniteLegale")));
        String etat = code(ul.get("etatAdministratifUniteLegale"));
        data.put("etat_administratif", etat);
        putBoolean(data, "economie_sociale_et_solidaire", flag(ul.get("economieSocialeSolidaireUniteLegale")));
        putLong(data, "date_cessation", "C".equals(etat) ? epochSeconds(ul.currentPeriodStart()) : null);
        putLong(data, "date_creation", epochSeconds(ul.get("dateCreationUniteLegale")));
        return data;
    }

    /** Last update of a unité légale, for {@code meta.date_derniere_mise_a_jour}. */
    public static Long uniteLegaleUpdate(JsonNode raw) {
        UniteLegaleView ul = new UniteLegaleView(raw);
        Long processed = epochSeconds(ul.get("dateDernierTraitementUniteLegale"));
        // Some units were never re-processed: their last known change is the start of the current period.
        return processed != null ? processed : epochSeconds(ul.currentPeriodStart());
    }

    /** {@code data} of the établissements and sièges routes, from {@code etablissement} of {@code GET /siret}. */
    public static ObjectNode etablissement(JsonNode raw, int version) {
        EtablissementView et = new EtablissementView(raw);
        ObjectNode data = JSON.objectNode();
        data.put("siret", text(et.get("siret")));
        data.put("siege_social", raw.path("etablissementSiege").asBoolean(false));
        String etat = code(et.get("etatAdministratifEtablissement"));
        data.put("etat_administratif", etat);
        putLong(data, "date_fermeture", "F".equals(etat) ? epochSeconds(et.currentPeriodStart()) : null);
        data.put("enseigne", enseigne(et));
        data.put("status_diffusion", diffusionStatus(et.get("statutDiffusionEtablissement")));
        data.set("activite_principale", activite(et.get("activitePrincipaleEtablissement"), et.get("nomenclatureActivitePrincipaleEtablissement")));
        if (version >= 4) {
            data.set("activite_principale_naf_rev2", activiteNafRev2(et.get("activitePrincipaleEtablissement"), et.get("nomenclatureActivitePrincipaleEtablissement")));
        }
        data.set("tranche_effectif_salarie", tranche(et.get("trancheEffectifsEtablissement"), et.get("anneeEffectifsEtablissement")));
        data.put("diffusable_commercialement", "O".equals(code(et.get("statutDiffusionEtablissement"))));
        putLong(data, "date_creation", epochSeconds(et.get("dateCreationEtablissement")));
        data.set("unite_legale", nestedUniteLegale(raw, version));
        data.set("adresse", adresse(raw));
        return data;
    }

    public static Long etablissementUpdate(JsonNode raw) {
        Long processed = epochSeconds(text(raw.path("dateDernierTraitementEtablissement").asText(null)));
        return processed != null ? processed : epochSeconds(new EtablissementView(raw).currentPeriodStart());
    }

    /** {@code data} of the adresse routes: the établissement's address. */
    public static ObjectNode adresse(JsonNode raw) {
        JsonNode a = raw.path("adresseEtablissement");
        UniteLegaleView ul = new UniteLegaleView(raw.path("uniteLegale"));
        ObjectNode adresse = JSON.objectNode();
        String complement = text(a.path("complementAdresseEtablissement").asText(null));
        String numero = text(a.path("numeroVoieEtablissement").asText(null));
        String indice = Nomenclatures.repetitionIndex(code(a.path("indiceRepetitionEtablissement").asText(null)));
        String typeVoie = Nomenclatures.streetType(code(a.path("typeVoieEtablissement").asText(null)));
        String libelleVoie = text(a.path("libelleVoieEtablissement").asText(null));
        String codePostal = text(a.path("codePostalEtablissement").asText(null));
        String commune = text(a.path("libelleCommuneEtablissement").asText(null));
        String communeEtranger = text(a.path("libelleCommuneEtrangerEtablissement").asText(null));
        String distribution = text(a.path("distributionSpecialeEtablissement").asText(null));
        String codeCedex = text(a.path("codeCedexEtablissement").asText(null));
        String libelleCedex = text(a.path("libelleCedexEtablissement").asText(null));
        String codePays = text(a.path("codePaysEtrangerEtablissement").asText(null));
        String pays = text(a.path("libellePaysEtrangerEtablissement").asText(null));
        adresse.put("complement_adresse", complement);
        adresse.put("numero_voie", numero);
        adresse.put("status_diffusion", diffusionStatus(text(raw.path("statutDiffusionEtablissement").asText(null))));
        adresse.put("indice_repetition_voie", indice);
        adresse.put("type_voie", typeVoie);
        adresse.put("libelle_voie", libelleVoie);
        adresse.put("code_postal", codePostal);
        adresse.put("libelle_commune", commune);
        adresse.put("libelle_commune_etranger", communeEtranger);
        adresse.put("distribution_speciale", distribution);
        adresse.put("code_commune", text(a.path("codeCommuneEtablissement").asText(null)));
        adresse.put("code_cedex", codeCedex);
        adresse.put("libelle_cedex", libelleCedex);
        adresse.put("code_pays_etranger", codePays);
        adresse.put("libelle_pays_etranger", pays);

        // Postal lines: a re-arrangement of INSEE's elements for display, no RNVP processing.
        boolean naturalPerson = PERSONNE_PHYSIQUE.equals(ul.type());
        ObjectNode lines = JSON.objectNode();
        lines.put("l1", naturalPerson ? "" : orEmpty(text(ul.get("denominationUniteLegale"))));
        lines.put("l2", naturalPerson ? join(" ", usualName(ul), text(ul.get("prenomUsuelUniteLegale"))) : "");
        lines.put("l3", orEmpty(complement));
        lines.put("l4", join(" ", numero, indice == null ? null : indice.toUpperCase(), typeVoie, libelleVoie));
        lines.put("l5", orEmpty(distribution));
        String l6;
        if (codeCedex != null) {
            l6 = join(" ", codeCedex, libelleCedex);
        } else if (codePays == null) {
            l6 = join(" ", codePostal, commune);
        } else {
            l6 = orEmpty(communeEtranger);
        }
        lines.put("l6", l6);
        lines.put("l7", codePays == null ? "FRANCE" : orEmpty(pays));
        adresse.set("acheminement_postal", lines);
        return adresse;
    }

    /** {@code data} of the successions route, from {@code liensSuccession} of {@code GET /siret/liensSuccession}. */
    public static ObjectNode successions(JsonNode links, String siret) {
        List<ObjectNode> predecessors = new ArrayList<>();
        List<ObjectNode> successors = new ArrayList<>();
        for (JsonNode link : links) {
            String from = text(link.path("siretEtablissementPredecesseur").asText(null));
            String to = text(link.path("siretEtablissementSuccesseur").asText(null));
            ObjectNode item = JSON.objectNode();
            boolean isPredecessor = siret.equals(to);
            item.put("siret", isPredecessor ? from : to);
            item.put("date_succession", Standardisation.isoDate(link.path("dateLienSuccession").asText(null)));
            item.put("transfert_siege", link.path("transfertSiege").asBoolean(false));
            item.put("continuite_economique", link.path("continuiteEconomique").asBoolean(false));
            if (isPredecessor) {
                predecessors.add(item);
            } else if (siret.equals(from)) {
                successors.add(item);
            }
        }
        ObjectNode data = JSON.objectNode();
        data.set("predecesseurs", JSON.arrayNode().addAll(predecessors));
        data.set("successeurs", JSON.arrayNode().addAll(successors));
        return data;
    }

    public static String diffusionStatus(String statut) {
        String c = code(statut);
        if (c == null) {
            return null;
        }
        return switch (c) {
            case "O" -> "diffusible";
            case "P" -> "partiellement_diffusible";
            case "N" -> "non_diffusible";
            default -> null;
        };
    }

    private static ObjectNode nestedUniteLegale(JsonNode etablissement, int version) {
        JsonNode raw = etablissement.path("uniteLegale");
        UniteLegaleView ul = new UniteLegaleView(raw, text(etablissement.path("siren").asText(null)));
        ObjectNode data = JSON.objectNode();
        data.put("siren", ul.siren());
        data.put("rna", text(ul.get("identifiantAssociationUniteLegale")));
        data.put("siret_siege_social", ul.siretSiege());
        data.put("type", ul.type());
        data.put("status_diffusion", diffusionStatus(ul.get("statutDiffusionUniteLegale")));
        data.set("personne_morale_attributs", personneMorale(ul));
        data.set("personne_physique_attributs", personnePhysique(ul));
        data.put("categorie_entreprise", code(ul.get("categorieEntreprise")));
        data.put("diffusable_commercialement", "O".equals(code(ul.get("statutDiffusionUniteLegale"))));
        data.set("forme_juridique", formeJuridique(ul));
        data.set("activite_principale", activite(ul.get("activitePrincipaleUniteLegale"), ul.get("nomenclatureActivitePrincipaleUniteLegale")));
        if (version >= 4) {
            data.set("activite_principale_naf_rev2", activiteNafRev2(ul.get("activitePrincipaleUniteLegale"), ul.get("nomenclatureActivitePrincipaleUniteLegale")));
        }
        data.set("tranche_effectif_salarie", tranche(ul.get("trancheEffectifsUniteLegale"), ul.get("anneeEffectifsUniteLegale")));
        putBoolean(data, "economie_sociale_et_solidaire", flag(ul.get("economieSocialeSolidaireUniteLegale")));
        putLong(data, "date_creation", epochSeconds(ul.get("dateCreationUniteLegale")));
        data.put("etat_administratif", code(ul.get("etatAdministratifUniteLegale")));
        return data;
    }

    private static ObjectNode personneMorale(UniteLegaleView ul) {
        boolean legalPerson = PERSONNE_MORALE.equals(ul.type());
        ObjectNode pm = JSON.objectNode();
        pm.put("raison_sociale", legalPerson ? text(ul.get("denominationUniteLegale")) : null);
        pm.put("sigle", legalPerson ? text(ul.get("sigleUniteLegale")) : null);
        return pm;
    }

    private static ObjectNode personnePhysique(UniteLegaleView ul) {
        boolean naturalPerson = PERSONNE_PHYSIQUE.equals(ul.type());
        ObjectNode pp = JSON.objectNode();
        pp.put("pseudonyme", naturalPerson ? text(ul.get("pseudonymeUniteLegale")) : null);
        pp.put("prenom_usuel", naturalPerson ? text(ul.get("prenomUsuelUniteLegale")) : null);
        pp.put("prenom_1", naturalPerson ? text(ul.get("prenom1UniteLegale")) : null);
        pp.put("prenom_2", naturalPerson ? text(ul.get("prenom2UniteLegale")) : null);
        pp.put("prenom_3", naturalPerson ? text(ul.get("prenom3UniteLegale")) : null);
        pp.put("prenom_4", naturalPerson ? text(ul.get("prenom4UniteLegale")) : null);
        pp.put("nom_usage", naturalPerson ? text(ul.get("nomUsageUniteLegale")) : null);
        pp.put("nom_naissance", naturalPerson ? text(ul.get("nomUniteLegale")) : null);
        pp.put("sexe", naturalPerson ? code(ul.get("sexeUniteLegale")) : null);
        return pp;
    }

    private static ObjectNode formeJuridique(UniteLegaleView ul) {
        String code = text(ul.get("categorieJuridiqueUniteLegale"));
        ObjectNode fj = JSON.objectNode();
        fj.put("code", code);
        fj.put("libelle", Nomenclatures.legalCategoryLabel(code));
        return fj;
    }

    private static ObjectNode activite(String rawCode, String rawNomenclature) {
        String activityCode = code(rawCode);
        String nomenclature = activityCode == null ? null : text(rawNomenclature);
        ObjectNode node = JSON.objectNode();
        node.put("code", activityCode);
        node.put("nomenclature", nomenclature);
        node.put("libelle", Nomenclatures.activityLabel(activityCode, nomenclature));
        return node;
    }

    /** v4's backward-compatible NAF rév. 2 view: empty when INSEE gives the activity in another nomenclature. */
    private static ObjectNode activiteNafRev2(String rawCode, String rawNomenclature) {
        boolean rev2 = "NAFRev2".equals(text(rawNomenclature));
        return activite(rev2 ? rawCode : null, rev2 ? rawNomenclature : null);
    }

    private static ObjectNode tranche(String rawCode, String year) {
        String trancheCode = code(rawCode);
        Object[] band = Nomenclatures.headcountBand(trancheCode);
        ObjectNode node = JSON.objectNode();
        putInteger(node, "de", (Integer) band[0]);
        putInteger(node, "a", (Integer) band[1]);
        node.put("code", trancheCode);
        node.put("date_reference", text(year));
        node.put("intitule", (String) band[2]);
        return node;
    }

    private static String enseigne(EtablissementView et) {
        String joined = Stream.of("enseigne1Etablissement", "enseigne2Etablissement", "enseigne3Etablissement")
                .map(et::get).map(Standardisation::text).filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
        return joined.isEmpty() ? null : joined;
    }

    private static String usualName(UniteLegaleView ul) {
        String usage = text(ul.get("nomUsageUniteLegale"));
        return usage != null ? usage : text(ul.get("nomUniteLegale"));
    }

    private static String join(String separator, String... parts) {
        return Stream.of(parts).filter(Objects::nonNull).collect(Collectors.joining(separator));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static void putLong(ObjectNode node, String field, Long value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    private static void putInteger(ObjectNode node, String field, Integer value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    private static void putBoolean(ObjectNode node, String field, Boolean value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    /**
     * A unité légale as INSEE gives it: historised fields in the current period (the one without
     * end date) of {@code periodesUniteLegale}, the others at top level; the établissement's
     * embedded {@code uniteLegale} has everything at top level.
     */
    static final class UniteLegaleView {
        private final JsonNode raw;
        private final JsonNode period;
        private final String siren;

        UniteLegaleView(JsonNode raw) {
            this(raw, null);
        }

        UniteLegaleView(JsonNode raw, String siren) {
            this.raw = raw;
            this.period = currentPeriod(raw.path("periodesUniteLegale"));
            this.siren = siren != null ? siren : text(raw.path("siren").asText(null));
        }

        String get(String field) {
            JsonNode value = period.has(field) ? period.get(field) : raw.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }

        String siren() {
            return siren;
        }

        String siretSiege() {
            String nic = text(get("nicSiegeUniteLegale"));
            return siren == null || nic == null ? null : siren + nic;
        }

        String type() {
            return NATURAL_PERSON_CATEGORY.equals(text(get("categorieJuridiqueUniteLegale"))) ? PERSONNE_PHYSIQUE : PERSONNE_MORALE;
        }

        String currentPeriodStart() {
            return period.path("dateDebut").asText(null);
        }
    }

    static final class EtablissementView {
        private final JsonNode raw;
        private final JsonNode period;

        EtablissementView(JsonNode raw) {
            this.raw = raw;
            this.period = currentPeriod(raw.path("periodesEtablissement"));
        }

        String get(String field) {
            JsonNode value = period.has(field) ? period.get(field) : raw.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }

        String currentPeriodStart() {
            return period.path("dateDebut").asText(null);
        }
    }

    private static JsonNode currentPeriod(JsonNode periods) {
        if (!periods.isArray() || periods.isEmpty()) {
            return JSON.objectNode();
        }
        for (JsonNode p : periods) {
            if (p.path("dateFin").isNull() || p.path("dateFin").isMissingNode()) {
                return p;
            }
        }
        return periods.get(0);
    }
}
