package fr.guichet.registers.infogreffe.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The answer of {@code /v3/infogreffe/rcs/unites_legales/{siren}/mandataires_sociaux}: one item per
 * officer (API Entreprise's collection: {@code data[].data}, with the counts by kind in {@code meta}).
 * The fields are those of API Entreprise's serializers; what Infogreffe leaves out is null.
 */
public final class MandatairesSociaux {

    private MandatairesSociaux() {
    }

    /** The collection body; {@code dirigeants} is not empty (the client answers 404 otherwise). */
    public static Map<String, Object> body(Document xml) {
        List<Object> items = new ArrayList<>();
        int physiques = 0;
        int morales = 0;
        for (Element d : Dirigeants.of(xml)) {
            Map<String, Object> item = new LinkedHashMap<>();
            if (Dirigeants.naturalPerson(d)) {
                physiques++;
                item.put("type", "personne_physique");
                item.put("fonction", Dirigeants.fonction(d));
                item.put("nom", Dirigeants.nom(d));
                item.put("prenom", Dirigeants.prenom(d));
                item.put("date_naissance", Dirigeants.dateNaissance(d));
                item.put("date_naissance_timestamp", Dirigeants.dateNaissanceTimestamp(d));
                item.put("lieu_naissance", Dirigeants.lieuNaissance(d));
                item.put("pays_naissance", Dirigeants.paysNaissance(d));
                item.put("code_pays_naissance", Dirigeants.codePaysNaissance(d));
                item.put("nationalite", Dirigeants.nationalite(d));
                item.put("code_nationalite", Dirigeants.codeNationalite(d));
            } else {
                morales++;
                item.put("numero_identification", Dirigeants.numeroIdentification(d));
                item.put("type", "personne_morale");
                item.put("fonction", Dirigeants.fonction(d));
                item.put("raison_sociale", Dirigeants.raisonSociale(d));
                item.put("code_greffe", Dirigeants.codeGreffe(d));
                item.put("libelle_greffe", Dirigeants.libelleGreffe(d));
            }
            items.add(Map.of("data", item, "links", Map.of(), "meta", Map.of()));
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("personnes_physiques_count", physiques);
        meta.put("personnes_morales_count", morales);
        meta.put("count", physiques + morales);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", items);
        body.put("links", Map.of());
        body.put("meta", meta);
        return body;
    }
}
