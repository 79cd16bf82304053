package fr.guichet.common.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The API Entreprise error catalogue ({@code guichet/reference/errors.yml}): full codes
 * ({@code 00101}) and provider subcodes ({@code 002} → {@code 01002} for INSEE). Titles and details
 * are French, as API Entreprise's.
 */
public final class ErrorCatalogue {

    public static final String RESOURCE = "guichet/reference/errors.yml";
    private static final String API_KIND = "api_entreprise";

    /** A sentence still holding a {@code %{name}} placeholder, with the space before it. */
    private static final Pattern UNFILLED_SENTENCE = Pattern.compile("\\s*[^.!?]*%\\{[a-z_]+}[^.!?]*[.!?]?");

    private static volatile ErrorCatalogue defaultCatalogue;

    private final Map<String, Entry> codes;
    private final Map<String, Entry> subcodes;
    private final Map<String, String> placeholders;

    record Entry(String title, String detail, Map<String, Object> source) {
    }

    private ErrorCatalogue(Map<String, Entry> codes, Map<String, Entry> subcodes, Map<String, String> placeholders) {
        this.codes = codes;
        this.subcodes = subcodes;
        this.placeholders = placeholders;
    }

    /**
     * The catalogue shipped in this jar, loaded once, with no placeholder filled: a detail sentence
     * that names an address (the dashboard's, in 00105) is left out of its errors, since only the
     * service that raises them knows its platform's real address (the gateway fills 00105 from
     * {@code guichet.gateway.public.dashboard-url}).
     */
    public static ErrorCatalogue standard() {
        ErrorCatalogue c = defaultCatalogue;
        if (c == null) {
            synchronized (ErrorCatalogue.class) {
                c = defaultCatalogue;
                if (c == null) {
                    c = load(Map.of());
                    defaultCatalogue = c;
                }
            }
        }
        return c;
    }

    /**
     * Loads the catalogue; {@code placeholders} fill {@code %{name}} in details, and a sentence whose
     * placeholder is not given is left out of the detail rather than shown unfilled.
     */
    public static ErrorCatalogue load(Map<String, String> placeholders) {
        try (InputStream in = ErrorCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE + " on the class path");
            }
            // SnakeYAML resolves the anchors/aliases the catalogue uses (source: *source_token).
            JsonNode root = new ObjectMapper().valueToTree(new Yaml().load(in));
            Map<String, Entry> codes = new HashMap<>();
            Map<String, Entry> subcodes = new HashMap<>();
            for (JsonNode node : root) {
                Entry entry = new Entry(text(node.get("title")), detail(node.get("detail")), source(node.get("source")));
                if (node.hasNonNull("code")) {
                    codes.put(node.get("code").asText(), entry);
                } else if (node.hasNonNull("subcode")) {
                    subcodes.put(node.get("subcode").asText(), entry);
                }
            }
            return new ErrorCatalogue(codes, subcodes, Map.copyOf(placeholders));
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable " + RESOURCE, e);
        }
    }

    /** A platform or provider-specific error by its full five-digit code. */
    public ApiError error(String code) {
        Entry entry = codes.get(code);
        if (entry == null) {
            entry = code.length() == 5 ? subcodes.get(code.substring(2)) : null;
        }
        if (entry == null) {
            throw new IllegalArgumentException("Unknown error code " + code);
        }
        return toError(code, entry);
    }

    /** A generic provider error: prefix of the provider + catalogue subcode ({@code 01} + {@code 002}). */
    public ApiError providerError(ProviderPrefix provider, String subcode) {
        String code = provider.code(subcode);
        Entry specific = codes.get(code);
        Entry entry = specific != null ? specific : subcodes.get(subcode);
        if (entry == null) {
            throw new IllegalArgumentException("Unknown error subcode " + subcode);
        }
        return toError(code, entry);
    }

    public boolean knows(String code) {
        return codes.containsKey(code) || (code.length() == 5 && subcodes.containsKey(code.substring(2)));
    }

    private ApiError toError(String code, Entry entry) {
        String detail = entry.detail();
        if (detail != null) {
            for (Map.Entry<String, String> p : placeholders.entrySet()) {
                detail = detail.replace("%{" + p.getKey() + "}", p.getValue());
            }
            detail = UNFILLED_SENTENCE.matcher(detail).replaceAll("").strip();
        } else {
            detail = entry.title();
        }
        return new ApiError(code, entry.title(), detail, entry.source(), Map.of());
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** Details are either a string or a map per API kind ({@code api_entreprise}, {@code default}). */
    private static String detail(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            JsonNode chosen = node.has(API_KIND) ? node.get(API_KIND) : node.get("default");
            return chosen == null ? null : chosen.asText();
        }
        return node.asText();
    }

    private static Map<String, Object> source(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        Map<String, Object> source = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> source.put(f.getKey(), f.getValue().asText()));
        return Map.copyOf(source);
    }

    @Override
    public String toString() {
        return "ErrorCatalogue[" + codes.size() + " codes, " + subcodes.size() + " subcodes]";
    }
}
