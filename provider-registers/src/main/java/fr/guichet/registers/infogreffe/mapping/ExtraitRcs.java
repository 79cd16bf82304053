package fr.guichet.registers.infogreffe.mapping;

import static fr.guichet.registers.infogreffe.mapping.XmlNodes.all;
import static fr.guichet.registers.infogreffe.mapping.XmlNodes.attribute;
import static fr.guichet.registers.infogreffe.mapping.XmlNodes.first;
import static fr.guichet.registers.infogreffe.mapping.XmlNodes.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The answer of {@code /v3/infogreffe/rcs/unites_legales/{siren}/extrait_kbis}, read from
 * Infogreffe's extract as API Entreprise's adapter reads it (field by field, same sources); what
 * Infogreffe leaves out is null, as in API Entreprise's sandbox answers. Two readings differ from
 * the reference on purpose: the capital's currency is read from {@code montant}'s attributes
 * (the reference looks for child elements that do not exist and answers empty strings), and the
 * amount accepts any space as thousands separator.
 */
public final class ExtraitRcs {

    private ExtraitRcs() {
    }

    /** {@code {"data": ..., "links": {}, "meta": {}}} for {@code siren}. */
    public static Map<String, Object> body(String siren, Document xml) {
        Element dossier = first(xml, "dossier");
        Element principal = all(xml, "etablissement").stream()
                .filter(e -> "1".equals(attribute(e, "type"))).findFirst().orElse(null);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("siren", siren);
        data.put("date_radiation", attribute(xml, "dateISO", "radiation", "date_radiation"));
        data.put("date_extrait", attribute(dossier, "date_extrait"));
        data.put("date_immatriculation", attribute(dossier, "dateISO_immat"));
        data.put("mandataires_sociaux", mandataires(xml));
        data.put("observations", observations(xml));
        data.put("nom_commercial", nomCommercial(xml, principal));
        data.put("etablissement_principal", etablissementPrincipal(principal));
        data.put("capital", capital(xml));
        data.put("greffe", valeurCode(text(dossier, "entreprise", "greffe"), attribute(dossier, "code", "entreprise", "greffe")));
        data.put("personne_morale", personneMorale(dossier));
        data.put("personne_physique", personnePhysique(xml, dossier));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("links", Map.of());
        body.put("meta", Map.of());
        return body;
    }

    /** The officers as the extract shows them: birth month only, no birth place nor nationality. */
    private static List<Object> mandataires(Document xml) {
        List<Object> result = new ArrayList<>();
        for (Element d : Dirigeants.of(xml)) {
            Map<String, Object> m = new LinkedHashMap<>();
            boolean person = Dirigeants.naturalPerson(d);
            String birth = person ? Dirigeants.dateNaissance(d) : null;
            m.put("numero_identification", person ? null : Dirigeants.numeroIdentification(d));
            m.put("type", person ? "personne_physique" : "personne_morale");
            m.put("fonction", Dirigeants.fonction(d));
            m.put("nom", person ? Dirigeants.nom(d) : null);
            m.put("prenom", person ? Dirigeants.prenom(d) : null);
            m.put("date_naissance", birth == null ? null : birth.substring(0, Math.min(7, birth.length())));
            m.put("raison_sociale", person ? null : Dirigeants.raisonSociale(d));
            result.add(m);
        }
        return result;
    }

    private static List<Object> observations(Document xml) {
        List<Object> result = new ArrayList<>();
        for (Element o : all(xml, "liste_observations", "observation")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("numero", attribute(o, "numero"));
            m.put("libelle", text(o, "libelle"));
            m.put("date", attribute(o, "dateISO"));
            result.add(m);
        }
        return result;
    }

    /** The main establishment's trade name, else the first one any establishment has. */
    private static String nomCommercial(Document xml, Element principal) {
        if (principal != null) {
            return text(principal, "nom_commercial");
        }
        return all(xml, "etablissement", "nom_commercial").stream().map(XmlNodes::text)
                .filter(t -> t != null).findFirst().orElse(null);
    }

    private static Map<String, Object> etablissementPrincipal(Element principal) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("activite", text(principal, "activite"));
        m.put("origine_fonds", text(principal, "origine_fonds"));
        m.put("mode_exploitation", text(principal, "mode_exploit"));
        m.put("code_ape", text(principal, "codeAPE"));
        return m;
    }

    private static Map<String, Object> capital(Document xml) {
        Element montant = first(xml, "capital", "montant");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("montant", amount(text(montant)));
        m.put("devise", attribute(montant, "devise"));
        m.put("code_devise", attribute(montant, "codeDevise"));
        return m;
    }

    /** {@code 234 567,80} → 234567.8; null when absent or unreadable. */
    static Double amount(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Double.valueOf(text.replaceAll("[\\s\\u00a0\\u202f]", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, Object> personneMorale(Element dossier) {
        Element pm = first(dossier, "entreprise", "pm");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("forme_juridique", valeurCode(attribute(pm, "forme_juridique"), attribute(pm, "codeFormeJuridique")));
        m.put("denomination", text(pm, "denomination"));
        m.put("date_cloture_exercice_comptable", attribute(pm, "dateISO", "date_cloture"));
        m.put("date_fin_de_vie", attribute(pm, "dateISO", "duree_ste", "valeur_duree"));
        return m;
    }

    private static Map<String, Object> personnePhysique(Document xml, Element dossier) {
        Element pp = first(dossier, "entreprise", "pp");
        Element naissance = first(pp, "naissance");
        Map<String, Object> birth = new LinkedHashMap<>();
        birth.put("pays", valeurCode(attribute(naissance, "pays"), attribute(naissance, "codePays")));
        birth.put("date", attribute(naissance, "dateISO", "date"));
        birth.put("lieu", text(naissance, "lieu"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("adresse", adresse(xml, attribute(pp, "adresse")));
        m.put("nationalite", valeurCode(attribute(pp, "nationalite"), attribute(pp, "codeNationalite")));
        m.put("nom", text(pp, "nom"));
        m.put("prenom", text(pp, "prenom"));
        m.put("naissance", birth);
        return m;
    }

    /** The {@code adresse} element whose {@code id} is {@code reference} (AD1, AD2...). */
    private static Map<String, Object> adresse(Document xml, String reference) {
        Element a = reference == null ? null : all(xml, "adresse").stream()
                .filter(e -> reference.equals(e.getAttribute("id"))).findFirst().orElse(null);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nom_postal", text(a, "nompostal"));
        m.put("numero", text(a, "numero"));
        m.put("type", text(a, "type"));
        m.put("voie", text(a, "voie"));
        m.put("ligne_1", text(a, "ligne1"));
        m.put("ligne_2", text(a, "ligne2"));
        m.put("localite", text(a, "localite"));
        m.put("code_postal", text(a, "code_postal"));
        m.put("bureau_distributeur", text(a, "bureau_distributeur"));
        m.put("pays", text(a, "pays"));
        return m;
    }

    private static Map<String, Object> valeurCode(String valeur, String code) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("valeur", valeur);
        m.put("code", code);
        return m;
    }
}
