package fr.guichet.gateway.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * The body with its {@code links} rewritten; the same bytes when there is nothing to rewrite or
     * it is not JSON. One streaming pass notes where each link to rewrite lies (the byte range of
     * its string token, quotes included), then the body is copied with those ranges replaced:
     * everything else, numbers and spacing included, stays as written, and no tree of the body is
     * built nor any of it re-encoded on the data path.
     */
    public byte[] rewrite(byte[] body, String contentType) {
        if (body == null || contentType == null || !contentType.contains("json") || !contains(body, MARKER)) {
            return body;
        }
        List<Replacement> replacements = new ArrayList<>();
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            // depth: open containers; linksDepth: the depth at which a links container was opened
            // (-1 outside one); linksValue: the next value is that of a "links" member.
            int depth = 0;
            int linksDepth = -1;
            boolean linksValue = false;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case FIELD_NAME -> {
                        linksValue = linksDepth < 0 && "links".equals(parser.currentName());
                        continue;
                    }
                    case START_OBJECT, START_ARRAY -> {
                        if (linksValue) {
                            linksDepth = depth;
                        }
                        depth++;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        depth--;
                        if (depth == linksDepth) {
                            linksDepth = -1;
                        }
                    }
                    case VALUE_STRING -> {
                        String rewritten = linksValue || linksDepth >= 0 ? link(parser.getText()) : null;
                        if (rewritten != null) {
                            // getText() has read the whole token: the location is past its closing quote.
                            replacements.add(new Replacement((int) parser.currentTokenLocation().getByteOffset(),
                                    (int) parser.currentLocation().getByteOffset(), quoted(rewritten)));
                        }
                    }
                    default -> {
                    }
                }
                linksValue = false;
            }
        } catch (IOException e) {
            LOG.debugf("Body not rewritten (not JSON): %s", e.getMessage());
            return body;
        }
        return replacements.isEmpty() ? body : spliced(body, replacements);
    }

    /** A string token of the body, bytes [from, to), to be replaced by {@code with}. */
    private record Replacement(int from, int to, byte[] with) {
    }

    private static byte[] spliced(byte[] body, List<Replacement> replacements) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 64 * replacements.size());
        int copied = 0;
        for (Replacement r : replacements) {
            out.write(body, copied, r.from() - copied);
            out.write(r.with(), 0, r.with().length);
            copied = r.to();
        }
        out.write(body, copied, body.length - copied);
        return out.toByteArray();
    }

    /** The link as a JSON string token, quotes included, escaped as RFC 8259 §7 requires. */
    private static byte[] quoted(String link) {
        byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(link);
        byte[] token = new byte[escaped.length + 2];
        token[0] = '"';
        System.arraycopy(escaped, 0, token, 1, escaped.length);
        token[token.length - 1] = '"';
        return token;
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
        // "//host/x" relative to the gateway would be a link to another host (RFC 3986 §4.2): one slash.
        int slashes = 0;
        while (slashes < path.length() && path.charAt(slashes) == '/') {
            slashes++;
        }
        if (slashes > 1) {
            path = path.substring(slashes - 1);
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
