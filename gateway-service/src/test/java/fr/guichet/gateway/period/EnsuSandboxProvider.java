package fr.guichet.gateway.period;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process provider-dgfip in sandbox mode for the ENSU routes: it answers from provider-dgfip's
 * own sandbox data set ({@code provider-dgfip/src/main/resources/sandbox/ensu/sandbox.json}) in the
 * shape provider-dgfip's {@code EnsuHandler} gives (list: {@code data[].data.periode}; one document:
 * {@code data.periode} and {@code document_url}). A fetched document's stored copy has a fixed id,
 * {@link #fileId(String)}, so that a test can see it deleted. Any other path answers an empty 200.
 * Also points the gateway's client-certificate check at the test CA ({@code certs/ca.pem}).
 */
public class EnsuSandboxProvider implements QuarkusTestResourceLifecycleManager {

    static final Path DATA_SET = Path.of("..", "provider-dgfip", "src", "main", "resources", "sandbox", "ensu", "sandbox.json");
    static final Pattern LIST = Pattern.compile("^/v3/dgfip/ensu/([a-z_]+)/(?:unites_legales|usagers)/([A-Z0-9]+)/documents$");
    static final Pattern FETCH = Pattern.compile("^/v3/dgfip/ensu/([a-z_]+)/documents/idensua/([A-Z0-9]+)$");

    /** Paths the gateway forwarded, query excluded. */
    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;

    /** The stored-file id of a sandbox document's fetch: a name-based UUID of its IDENSUA. */
    static String fileId(String idensua) {
        return UUID.nameUUIDFromBytes(idensua.getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public Map<String, String> start() {
        try {
            JsonNode dataSet = JSON.readTree(DATA_SET.toFile());
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> answer(exchange, dataSet));
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException("provider-dgfip's ENSU sandbox data set is unreadable: " + DATA_SET.toAbsolutePath(), e);
        }
        String ca = Path.of("src", "test", "resources", "certs", "ca.pem").toAbsolutePath().toString();
        return Map.of("guichet.gateway.providers.dgfip.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "guichet.gateway.client-certificate.ca-file", ca,
                "guichet.gateway.client-certificate.trusted-proxies", "127.0.0.1/32");
    }

    private static void answer(HttpExchange exchange, JsonNode dataSet) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (!path.startsWith("/q/")) {
            RECEIVED.add(path);
        }
        ObjectNode body = JSON.createObjectNode();
        int status = 200;
        Matcher list = LIST.matcher(path);
        Matcher fetch = FETCH.matcher(path);
        if (list.matches()) {
            ArrayNode items = body.putArray("data");
            for (JsonNode d : dataSet.path("documents")) {
                if (d.path("usager").asText().equals(list.group(2)) && d.path("famille").asText().equals(list.group(1))) {
                    ObjectNode item = items.addObject();
                    item.set("data", document(d));
                    item.putObject("links").put("document", "/v3/dgfip/ensu/" + list.group(1) + "/documents/idensua/"
                            + d.path("idensua").asText());
                    item.putObject("meta");
                }
            }
            body.putObject("links");
            body.putObject("meta").put("famille", list.group(1)).put("nombre_documents", items.size());
        } else if (fetch.matches()) {
            status = 404;
            for (JsonNode d : dataSet.path("documents")) {
                if (d.path("idensua").asText().equals(fetch.group(2)) && d.path("famille").asText().equals(fetch.group(1))) {
                    ObjectNode data = document(d);
                    data.put("document_url", "http://127.0.0.1:8080/proxy/files/" + fileId(fetch.group(2)));
                    data.put("document_url_expires_in", 60);
                    body.set("data", data);
                    body.putObject("links");
                    body.putObject("meta");
                    status = 200;
                }
            }
            if (status == 404) {
                body.putArray("errors").addObject().put("code", "03003").put("title", "Entité non trouvée");
            }
        } else {
            body.putObject("data");
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static ObjectNode document(JsonNode d) {
        ObjectNode o = JSON.createObjectNode();
        for (String field : List.of("idensua", "docdistrib", "doccfs", "code_document", "libelle", "famille", "date_production")) {
            o.set(field, d.get(field));
        }
        o.putObject("periode").set("debut", d.get("periode_debut"));
        ((ObjectNode) o.get("periode")).set("fin", d.get("periode_fin"));
        return o;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
