package fr.guichet.registers.inpi.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.registers.inpi.client.InpiClient.Attachment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.StreamSupport;

/**
 * The answer of {@code /v3/inpi/rne/unites_legales/open_data/{siren}/actes_bilans}, read from
 * INPI's attachments list field by field as API Entreprise reads it (deleted documents left out,
 * {@code updatedAt} cut to its date, {@code typeBilan} codes to their labels). Unlike the
 * reference, which links every document to a download proxy of its own, each list keeps its
 * {@code limit} most recent documents (date of update, else of deposit, the order the official
 * description gives), and each document's {@code url} is the one {@code link} hands out; a
 * document {@code link} gives no URL for is left out.
 */
public final class ActesBilans {

    /** API Entreprise's labels of INPI's {@code typeBilan} codes. */
    static final Map<String, String> BILAN_TYPES = Map.of(
            "C", "bilan complet",
            "S", "bilan simplifié",
            "K", "bilan consolidé",
            "B", "bilan de type banque",
            "A", "bilan de type assurance",
            "AS", "bilan de type agricole simplifié");

    private static final Comparator<JsonNode> MOST_RECENT_FIRST = Comparator
            .comparing((JsonNode d) -> Optional.ofNullable(date(d.path("updatedAt"))).orElse(text(d.path("dateDepot"))),
                    Comparator.nullsLast(Comparator.reverseOrder()));

    private ActesBilans() {
    }

    /**
     * The body ({@code data.actes}, {@code data.bilans}, empty {@code links} and {@code meta}).
     *
     * @param attachments INPI's answer ({@code actes}, {@code bilans} arrays)
     * @param limit       the most documents listed per kind
     * @param link        the URL of a document (its kind and INPI id), empty to leave it out
     */
    public static Map<String, Object> body(JsonNode attachments, int limit, BiFunction<Attachment, String, Optional<String>> link) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("actes", list(attachments, Attachment.ACTES, limit, link));
        data.put("bilans", list(attachments, Attachment.BILANS, limit, link));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("links", Map.of());
        body.put("meta", Map.of());
        return body;
    }

    private static List<Map<String, Object>> list(JsonNode attachments, Attachment kind, int limit,
                                                  BiFunction<Attachment, String, Optional<String>> link) {
        List<Map<String, Object>> items = new ArrayList<>();
        StreamSupport.stream(attachments.path(kind.path()).spliterator(), false)
                .filter(d -> !d.path("deleted").asBoolean(false))
                .sorted(MOST_RECENT_FIRST)
                .limit(Math.max(0, limit))
                .forEach(d -> link.apply(kind, d.path("id").asText())
                        .ifPresent(url -> items.add(kind == Attachment.ACTES ? acte(d, url) : bilan(d, url))));
        return items;
    }

    static Map<String, Object> acte(JsonNode acte, String url) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", text(acte.path("id")));
        item.put("nom_document", text(acte.path("nomDocument")));
        item.put("date_depot", text(acte.path("dateDepot")));
        item.put("date_mise_a_jour", date(acte.path("updatedAt")));
        List<Map<String, Object>> types = null;
        if (acte.path("typeRdd").isArray()) {
            types = new ArrayList<>();
            for (JsonNode type : acte.path("typeRdd")) {
                Map<String, Object> t = new LinkedHashMap<>();
                // The reference compacts these: a missing decision is left out, not null.
                Optional.ofNullable(text(type.path("typeActe"))).ifPresent(v -> t.put("type_acte", v));
                Optional.ofNullable(text(type.path("decision"))).ifPresent(v -> t.put("type_decision", v));
                types.add(t);
            }
        }
        item.put("types_actes", types);
        item.put("url", url);
        return item;
    }

    static Map<String, Object> bilan(JsonNode bilan, String url) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", text(bilan.path("id")));
        item.put("nom_document", text(bilan.path("nomDocument")));
        item.put("date_depot", text(bilan.path("dateDepot")));
        item.put("date_cloture", text(bilan.path("dateCloture")));
        item.put("date_mise_a_jour", date(bilan.path("updatedAt")));
        item.put("type", BILAN_TYPES.get(bilan.path("typeBilan").asText()));
        item.put("url", url);
        return item;
    }

    /** The date part ({@code yyyy-MM-dd}) of an ISO date-time, or null. */
    static String date(JsonNode value) {
        String text = text(value);
        return text == null || text.length() < 10 ? text : text.substring(0, 10);
    }

    private static String text(JsonNode value) {
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
