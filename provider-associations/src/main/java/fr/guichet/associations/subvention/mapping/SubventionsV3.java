package fr.guichet.associations.subvention.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Data Subvention's {@code subventions} mapped to the API Entreprise v3 collection, field for
 * field as API Entreprise's DataSubvention::Subventions::BuildResourceCollection: each upstream
 * field is {@code {"value", "provider", "last_update"}} and only its {@code value} is kept (null
 * when absent); {@code fournisseur} and {@code date_mise_a_jour_information} come from the
 * {@code siret} field of a request and the {@code ej} field of a payment.
 */
public final class SubventionsV3 {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private SubventionsV3() {
    }

    /** The v3 body ({@code data}, {@code meta} {}, {@code links} {}) of Data Subvention's answer. */
    public static String body(JsonNode subventions) {
        ArrayNode data = F.arrayNode();
        for (JsonNode item : subventions) {
            ObjectNode attributes = F.objectNode();
            JsonNode application = item.get("application");
            attributes.set("demande_subvention", application == null || application.isNull() ? F.nullNode() : application(application));
            ArrayNode payments = attributes.putArray("paiements");
            if (item.path("payments").isArray()) {
                item.path("payments").forEach(p -> payments.add(payment(p)));
            }
            ObjectNode entry = data.addObject();
            entry.set("data", attributes);
            entry.putObject("links");
            entry.putObject("meta");
        }
        ObjectNode body = F.objectNode();
        body.set("data", data);
        body.putObject("meta");
        body.putObject("links");
        return body.toString();
    }

    private static ObjectNode application(JsonNode a) {
        ObjectNode out = F.objectNode();
        out.set("fournisseur", raw(a.path("siret").path("provider")));
        out.set("date_mise_a_jour_information", raw(a.path("siret").path("last_update")));
        out.set("annee_exercice_demande", value(a, "annee_demande"));
        out.set("identifiant_engagement_juridique", value(a, "ej"));
        ObjectNode requested = out.putObject("subvention_demandee");
        requested.set("dispositif", value(a, "dispositif"));
        requested.set("sous_dispositif", value(a, "sous_dispositif"));
        requested.set("montant_demande", value(a.path("montants"), "demande"));
        ObjectNode projects = out.putObject("description_des_projets");
        if (a.path("montants").has("total")) {
            projects.set("estimation_cout_total", value(a.path("montants"), "total"));
        }
        ArrayNode projet = projects.putArray("projet");
        a.path("actions_proposee").forEach(action -> projet.add(project(action)));
        ObjectNode instruction = out.putObject("instruction");
        instruction.set("service_instructeur", value(a, "service_instructeur"));
        instruction.set("date_commission", value(a, "date_commision"));
        instruction.set("statut_demande", value(a, "statut_label"));
        instruction.set("montant_accorde", value(a.path("montants"), "accorde"));
        out.set("jointure_demandes_et_versements", value(a, "versementKey"));
        return out;
    }

    private static ObjectNode project(JsonNode action) {
        ObjectNode out = F.objectNode();
        out.set("rang", value(action, "rang"));
        out.set("intitule", value(action, "intitule"));
        out.set("objectifs", value(action, "objectifs"));
        out.set("objectifs_operationnels", value(action, "objectifs_operationnels"));
        out.set("description", value(action, "description"));
        ObjectNode aid = out.putObject("aide");
        aid.set("modalite", value(action, "modalite_aide"));
        aid.set("nature", value(action, "nature_aide"));
        out.set("modalite_ou_dispositif", value(action, "modalite_ou_dispositif"));
        out.set("indicateurs", value(action, "indicateurs"));
        out.set("cofinanceurs", value(action.path("cofinanceurs"), "noms"));
        return out;
    }

    private static ObjectNode payment(JsonNode p) {
        ObjectNode out = F.objectNode();
        out.set("fournisseur", raw(p.path("ej").path("provider")));
        out.set("date_mise_a_jour_information", raw(p.path("ej").path("last_update")));
        out.set("jointure_demandes_et_versements", value(p, "versementKey"));
        out.set("montant_verse", value(p, "amount"));
        out.set("date_versement", value(p, "dateOperation"));
        out.set("centre_financier", value(p, "centreFinancier"));
        out.set("domaine_fonctionnel", value(p, "domaineFonctionnel"));
        out.set("activitee", value(p, "activitee"));
        out.set("numero_bop", value(p, "bop"));
        if (p.has("programme") || p.has("libelleProgramme") || p.has("bop")) {
            ObjectNode programme = out.putObject("programme");
            programme.set("numero", value(p, "programme"));
            programme.set("libelle", value(p, "libelleProgramme"));
            programme.set("fournisseur", raw(p.path("programme").path("provider")));
            programme.set("date_mise_a_jour_information", raw(p.path("programme").path("last_update")));
        }
        return out;
    }

    /** {@code source[key].value}, null when the field is absent or carries no value. */
    private static JsonNode value(JsonNode source, String key) {
        JsonNode field = source.path(key);
        return field.isObject() && field.has("value") ? field.get("value") : F.nullNode();
    }

    private static JsonNode raw(JsonNode node) {
        return node.isMissingNode() ? F.nullNode() : node;
    }
}
