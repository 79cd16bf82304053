package fr.guichet.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import fr.guichet.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The one place where the {@code links} of served bodies are made to point at this gateway:
 * API Entreprise bodies (sandbox fixtures, relayed upstream answers) link to
 * {@code https://entreprise.api.gouv.fr[/api]/...}; every such link, in any {@code links}
 * object of the body, is rewritten to {@code guichet.gateway.public-base-url} + the same path,
 * or to the bare path (relative to this gateway) when no public base URL is configured.
 */
@ApplicationScoped
public class PublicLinks {

    /** The origin API Entreprise bodies link to. */
    public static final String UPSTREAM = "https://entreprise.api.gouv.fr";
    private static final byte[] MARKER = "entreprise.api.gouv.fr".getBytes(StandardCharsets.US_ASCII);
    private static final Logger LOG = Logger.getLogger(PublicLinks.class);

    private final ObjectMapper mapper;
    private final String base;

    @Inject
    public PublicLinks(ObjectMapper mapper, GatewayConfig config) {
        this(mapper, config.publicBaseUrl().orElse(""));
    }

    public PublicLinks(ObjectMapper mapper, String publicBaseUrl) {
        this.mapper = mapper;
        this.base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /** The body with its {@code links} rewritten; the same bytes when there is nothing to rewrite or it is not JSON. */
    public byte[] rewrite(byte[] body, String contentType) {
        if (body == null || contentType == null || !contentType.contains("json") || !contains(body, MARKER)) {
            return body;
        }
        try {
            JsonNode root = mapper.readTree(body);
            if (!walk(root, false)) {
                return body;
            }
            return mapper.writeValueAsBytes(root);
        } catch (IOException e) {
            LOG.debugf("Body not rewritten (not JSON): %s", e.getMessage());
            return body;
        }
    }

    /** Rewrites in place; true when something changed. {@code inLinks}: under a {@code links} member. */
    private boolean walk(JsonNode node, boolean inLinks) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                boolean links = inLinks || "links".equals(f.getKey());
                if (links && f.getValue().isTextual()) {
                    String rewritten = link(f.getValue().asText());
                    if (rewritten != null) {
                        f.setValue(TextNode.valueOf(rewritten));
                        changed = true;
                    }
                } else {
                    changed |= walk(f.getValue(), links);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                if (inLinks && item.isTextual()) {
                    String rewritten = link(item.asText());
                    if (rewritten != null) {
                        array.set(i, TextNode.valueOf(rewritten));
                        changed = true;
                    }
                } else {
                    changed |= walk(item, inLinks);
                }
            }
        }
        return changed;
    }

    /** The gateway's link for an upstream one, or null when {@code url} is not an upstream link. */
    String link(String url) {
        if (!url.startsWith(UPSTREAM + "/") && !url.equals(UPSTREAM)) {
            return null;
        }
        String path = url.substring(UPSTREAM.length());
        if (path.startsWith("/api/")) {
            path = path.substring("/api".length());
        }
        return base + (path.isEmpty() ? "/" : path);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
