package fr.guichet.gateway.particulier;

import com.sun.net.httpserver.HttpServer;
import fr.guichet.common.security.ServiceCredentials;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * In-process stand-ins of the API Particulier adapters: cnav and status answer every data path
 * with a full quotient familial body (as providers do: the gateway masks it) and their readiness;
 * education is unreachable (a port nothing listens on). Each request's path, query and operation
 * header are recorded.
 */
public class ParticulierProviders implements QuarkusTestResourceLifecycleManager {

    /** A full answer: every attribute a scope may hide. */
    public static final String BODY = "{\"data\":{\"allocataires\":[{\"nom_naissance\":\"LEFEBVRE\"}],"
            + "\"enfants\":[{\"nom_naissance\":\"LEFEBVRE\",\"prenoms\":\"LUC\"}],\"adresse\":{\"code_postal\":\"75002\"},"
            + "\"quotient_familial\":{\"fournisseur\":\"CNAF\",\"valeur\":2550,\"annee\":2026,\"mois\":5}},\"links\":{},\"meta\":{}}";

    /** One request received by a stand-in. */
    public record Received(String pathAndQuery, String operation, boolean credential) {
    }

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getRawPath();
                if (!path.startsWith("/q/")) {
                    String query = exchange.getRequestURI().getRawQuery();
                    RECEIVED.add(new Received(query == null ? path : path + "?" + query,
                            exchange.getRequestHeaders().getFirst("X-Guichet-Operation"),
                            exchange.getRequestHeaders().containsKey(ServiceCredentials.HEADER)));
                }
                byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("guichet.gateway.providers.cnav.url", url, "guichet.gateway.providers.status.url", url,
                "guichet.gateway.providers.education.url", "http://127.0.0.1:1");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
