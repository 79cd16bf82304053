package fr.guichet.registers.inpi.mapping;

import static fr.guichet.registers.upstream.RegisterUpstream.INPI_RNE;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The answer of {@code /v3/inpi/rne/unites_legales/{siren}/beneficiaires_effectifs}, read from the
 * RNE record as API Entreprise reads it: the beneficial owners of the legal person
 * ({@code formality.content.personneMorale.beneficiairesEffectifs}); those without
 * {@code modalite} are not listed but their ids are given in
 * {@code meta.beneficiaires_sans_modalites_uuids}. A sole trader, a record that is neither, or a
 * legal person without beneficial owners: 404 {@code 34003}.
 */
public final class BeneficiairesEffectifs {

    /** API Entreprise's {@code modalites} (output names) and the RNE's {@code modalite} fields they come from. */
    static final Map<String, Object> MODALITES = object(
            "detention_de_capital", object(
                    "parts_totale", "detentionPartTotale",
                    "parts_directes", object(
                            "detention", "detentionPartDirecte",
                            "pleine_propriete", "partsDirectesPleinePropriete",
                            "nue_propriete", "partsDirectesNuePropriete"),
                    "parts_indirectes", object(
                            "detention", "detentionPartIndirecte",
                            "par_indivision", object(
                                    "total", "partsIndirectesIndivision",
                                    "pleine_propriete", "partsIndirectesIndivisionPleinePropriete",
                                    "nue_propriete", "partsIndirectesIndivisionNuePropriete"),
                            "via_personnes_morales", object(
                                    "total", "partsIndirectesPersonnesMorales",
                                    "pleine_propriete", "partsIndirectesPmoralesPleinePropriete",
                                    "nue_propriete", "partsIndirectesPmoralesNuePropriete"))),
            "vocation_a_devenir_titulaire_de_parts", object(
                    "parts_directes", object(
                            "pleine_propriete", "vocationTitulaireDirectePleinePropriete",
                            "nue_propriete", "vocationTitulaireDirecteNuePropriete"),
                    "parts_indirectes", object(
                            "par_indivision", object(
                                    "total", "vocationTitulaireIndirecteIndivision",
                                    "pleine_propriete", "vocationTitulaireIndirectePleinePropriete",
                                    "nue_propriete", "vocationTitulaireIndirecteNuePropriete"),
                            "via_personnes_morales", object(
                                    "total", "vocationTitulaireIndirectePersonnesMorales",
                                    "pleine_propriete", "vocationTitulaireIndirectePmoralesPleinePropriete",
                                    "nue_propriete", "vocationTitulaireIndirectePmoralesNuePropriete"))),
            "droits_de_vote", object(
                    "total", "detentionVoteTotal",
                    "directes", object(
                            "detention", "detentionVoteDirecte",
                            "pleine_propriete", "voteDirectePleinePropriete",
                            "nue_propriete", "voteDirecteNuePropriete",
                            "usufruit", "voteDirecteUsufruit"),
                    "indirectes", object(
                            "detention", "detentionVoteIndirecte",
                            "par_indivision", object(
                                    "total", "voteIndirecteIndivision",
                                    "pleine_propriete", "voteIndirecteIndivisionPleinePropriete",
                                    "nue_propriete", "voteIndirecteIndivisionNuePropriete",
                                    "usufruit", "voteIndirecteIndivisionUsufruit"),
                            "via_personnes_morales", object(
                                    "total", "voteIndirectePersonnesMorales",
                                    "pleine_propriete", "voteIndirectePmoralesPleinePropriete",
                                    "nue_propriete", "voteIndirectePmoralesNuePropriete",
                                    "usufruit", "voteIndirectePmoralesUsufruit"))),
            "pouvoirs_de_controle", object(
                    "decision_ag", "detentionPouvoirDecisionAG",
                    "nommage_membres_conseil_administratif", "detentionPouvoirNommageMembresConseilAdmin",
                    "autres", "detentionAutresMoyensControle"),
            "representant_legal", "beneficiaireRepresentantLegal",
            "representant_legal_placement_sans_gestion_deleguee", "representantLegalPlacementSansGestionDelegue");

    /**
     * Control flags the RNE leaves out when they were not declared: read as {@code false}, since the
     * official contract types them as plain booleans (API Entreprise answers null there, outside
     * its own contract).
     */
    static final Set<String> FLAGS_FALSE_WHEN_ABSENT = Set.of("detentionPouvoirDecisionAG",
            "detentionPouvoirNommageMembresConseilAdmin", "detentionAutresMoyensControle",
            "beneficiaireRepresentantLegal", "representantLegalPlacementSansGestionDelegue");

    private BeneficiairesEffectifs() {
    }

    /** The collection body of the record {@code company}. */
    public static Map<String, Object> body(JsonNode company) {
        JsonNode content = company.path("formality").path("content");
        JsonNode owners = content.path("personneMorale").path("beneficiairesEffectifs");
        if (!content.path("personneMorale").isObject() || !owners.isArray() || owners.isEmpty()) {
            throw INPI_RNE.notFound();
        }
        List<Object> items = new ArrayList<>();
        List<Object> withoutModalites = new ArrayList<>();
        for (JsonNode owner : owners) {
            if (owner.path("modalite").isObject()) {
                items.add(Map.of("data", owner(owner), "links", Map.of(), "meta", Map.of()));
            } else {
                withoutModalites.add(text(owner.get("beneficiaireId")));
            }
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("count", items.size());
        meta.put("beneficiaires_sans_modalites_uuids", withoutModalites);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", items);
        body.put("meta", meta);
        body.put("links", Map.of());
        return body;
    }

    private static Map<String, Object> owner(JsonNode owner) {
        JsonNode person = owner.path("beneficiaire").path("descriptionPersonne");
        String[] birth = person.hasNonNull("dateDeNaissance") ? person.get("dateDeNaissance").asText().split("-") : new String[0];
        Map<String, Object> dateNaissance = new LinkedHashMap<>();
        dateNaissance.put("annee", birth.length > 0 ? birth[0] : null);
        dateNaissance.put("mois", birth.length > 1 ? birth[1] : null);
        // No first name known is an empty list (the contract's array is not nullable).
        List<String> prenoms = new ArrayList<>();
        if (person.path("prenoms").isArray()) {
            for (JsonNode p : person.get("prenoms")) {
                prenoms.add(p.asText().toUpperCase(Locale.ROOT));
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("beneficiaire_uuid", text(owner.get("beneficiaireId")));
        data.put("nom", upper(person.get("nom")));
        data.put("nom_usage", upper(person.get("nomUsage")));
        data.put("prenoms", prenoms);
        data.put("date_naissance", dateNaissance);
        data.put("nationalite", text(person.get("nationalite")));
        data.put("pays_residence", text(owner.path("beneficiaire").path("adresseDomicile").get("pays")));
        data.put("modalites", apply(MODALITES, owner.get("modalite")));
        return data;
    }

    /** The template with each leaf (an RNE field name) replaced by that field's value, null when absent. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> apply(Map<String, Object> template, JsonNode source) {
        Map<String, Object> result = new LinkedHashMap<>();
        template.forEach((name, from) -> result.put(name, from instanceof Map<?, ?> nested
                ? apply((Map<String, Object>) nested, source)
                : value((String) from, source.get((String) from))));
        return result;
    }

    private static Object value(String field, JsonNode node) {
        if (node == null || node.isNull()) {
            return FLAGS_FALSE_WHEN_ABSENT.contains(field) ? Boolean.FALSE : null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String upper(JsonNode node) {
        String text = text(node);
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }

    private static Map<String, Object> object(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
