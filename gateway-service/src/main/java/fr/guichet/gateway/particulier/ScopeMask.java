package fr.guichet.gateway.particulier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * API Particulier's scope masking: each attribute of an answer is returned only if the caller
 * holds one of the scopes that reveal it (the reference serializers' {@code scope?(:x)} guards,
 * declared once per operation as {@code masks}: JSON pointer → scopes). Providers always answer
 * the whole body; the gateway removes what the caller may not see.
 *
 * <p>A pointer is RFC 6901 ({@code /data/quotient_familial}, {@code ~1} for '/', {@code ~0} for
 * '~'), plus {@code *} for every element of an array or every member of an object
 * ({@code /data/enfants/*}/sexe). A pointer that leads nowhere masks nothing.
 */
public final class ScopeMask {

    private final ObjectMapper mapper;

    public ScopeMask(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The body with every attribute the caller may not see removed.
     *
     * @param body   a JSON answer
     * @param masks  JSON pointer → scopes, any one of which reveals it
     * @param scopes the caller's effective scopes
     * @return {@code body} itself when nothing is masked
     * @throws IOException when a mask applies and the body is not JSON (the caller must then refuse
     *                     to answer rather than send unmasked data)
     */
    public byte[] apply(byte[] body, Map<String, List<String>> masks, Collection<String> scopes) throws IOException {
        List<String> hidden = masks.entrySet().stream()
                .filter(m -> m.getValue().stream().noneMatch(scopes::contains))
                .map(Map.Entry::getKey).toList();
        if (hidden.isEmpty()) {
            return body;
        }
        JsonNode root = mapper.readTree(body);
        if (root == null || !root.isContainerNode()) {
            throw new IOException("not a JSON object");
        }
        for (String pointer : hidden) {
            remove(root, segments(pointer), 0);
        }
        return mapper.writeValueAsBytes(root);
    }

    private static List<String> segments(String pointer) {
        return java.util.Arrays.stream(pointer.substring(1).split("/", -1))
                .map(s -> s.replace("~1", "/").replace("~0", "~")).toList();
    }

    private static void remove(JsonNode node, List<String> path, int at) {
        String segment = path.get(at);
        boolean last = at == path.size() - 1;
        if (node instanceof ObjectNode object) {
            if ("*".equals(segment)) {
                if (last) {
                    object.removeAll();
                } else {
                    object.elements().forEachRemaining(child -> remove(child, path, at + 1));
                }
            } else if (last) {
                object.remove(segment);
            } else if (object.has(segment)) {
                remove(object.get(segment), path, at + 1);
            }
        } else if (node instanceof ArrayNode array) {
            if ("*".equals(segment)) {
                if (last) {
                    array.removeAll();
                } else {
                    array.elements().forEachRemaining(child -> remove(child, path, at + 1));
                }
            } else if (segment.matches("\\d{1,9}") && Integer.parseInt(segment) < array.size()) {
                if (last) {
                    array.remove(Integer.parseInt(segment));
                } else {
                    remove(array.get(Integer.parseInt(segment)), path, at + 1);
                }
            }
        }
    }
}
