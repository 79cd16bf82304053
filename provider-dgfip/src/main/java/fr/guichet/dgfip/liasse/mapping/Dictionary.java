package fr.guichet.dgfip.liasse.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * DGFIP's dictionary of liasse fiscale data: for a form ({@code numero_imprime}) and a N-REF code,
 * the code, EDI code, absolute code, data type and label ({@code intitule}).
 */
@ApplicationScoped
public class Dictionary {

    static final String RESOURCE = "dgfip/dictionary.json";

    public record Entry(String code, String codeEdi, String codeAbsolu, String codeTypeDonnee, String intitule) {
    }

    private final Map<String, Entry> entries = new HashMap<>();

    public Dictionary(ObjectMapper json) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Dictionnaire DGFIP absent : " + RESOURCE);
            }
            load(json.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void load(JsonNode root) {
        for (JsonNode imprime : root.path("dictionnaire")) {
            String form = imprime.path("numero_imprime").asText();
            for (JsonNode millesime : asArray(imprime.path("millesimes"))) {
                for (JsonNode d : asArray(millesime.path("declaration"))) {
                    entries.putIfAbsent(key(form, d.path("code_nref").asText()), new Entry(text(d, "code"),
                            text(d, "code_EDI"), text(d, "code_absolu"), text(d, "code_type_donnee"), text(d, "intitule")));
                }
            }
        }
    }

    public Optional<Entry> lookup(String numeroImprime, String codeNref) {
        return Optional.ofNullable(entries.get(key(numeroImprime, codeNref)));
    }

    public int size() {
        return entries.size();
    }

    private static String key(String form, String nref) {
        return form + "/" + nref;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** DGFIP's JSON uses an object where a list has one element. */
    static Iterable<JsonNode> asArray(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return java.util.List.of();
        }
        return node.isArray() ? node : java.util.List.of(node);
    }
}
