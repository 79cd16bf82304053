package fr.guichet.gateway.franceconnect;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * In-process HTTP stand-ins for the module tests: FranceConnect (check-token, JWKS) and
 * token-service's {@code /internal/franceconnect/clients/{id}} route.
 *
 * <p>A {@code @TestProfile} is read by another class loader than the test instance, so each loader
 * has its own copy of this class: the one server and its state live in the system properties, in
 * JDK types only (maps, counters, a {@link Function} answering check-token), shared by both.
 */
final class StandIns {

    /** One answer: status, content type, body. */
    record Reply(int status, String contentType, String body) {
        List<String> wire() {
            return List.of(Integer.toString(status), contentType, body);
        }
    }

    static final String DEMO_CLIENT = "6925fb8143c76eded44d32b40c0cb1006065f7f003de52712b78985704f39950";
    private static final String STATE = "guichet.test.franceconnect.stand-ins";

    private StandIns() {
    }

    @SuppressWarnings("unchecked")
    private static synchronized Map<String, Object> state() {
        Map<String, Object> state = (Map<String, Object>) System.getProperties().get(STATE);
        if (state == null) {
            state = new ConcurrentHashMap<>();
            state.put("bindings", new ConcurrentHashMap<String, List<String>>());
            state.put("bindingCalls", new AtomicInteger());
            state.put("jwks", "{\"keys\":[]}");
            state.put("checkToken", (Function<Map<String, String>, List<String>>) form -> new Reply(500, "application/json", "{}").wire());
            state.put("url", start(state));
            System.getProperties().put(STATE, state);
        }
        return state;
    }

    static String url() {
        return (String) state().get("url");
    }

    /** How FranceConnect answers a check-token form. */
    static void checkToken(Function<Map<String, String>, Reply> answer) {
        state().put("checkToken", (Function<Map<String, String>, List<String>>) form -> answer.apply(form).wire());
    }

    static void jwks(String json) {
        state().put("jwks", json);
    }

    /** token-service's answer for {@code clientId}; null = 404. */
    @SuppressWarnings("unchecked")
    static void binding(String clientId, Reply reply) {
        Map<String, List<String>> bindings = (Map<String, List<String>>) state().get("bindings");
        if (reply == null) {
            bindings.remove(clientId);
        } else {
            bindings.put(clientId, reply.wire());
        }
    }

    static int bindingCalls() {
        return ((AtomicInteger) state().get("bindingCalls")).get();
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> lastForm() {
        return (Map<String, String>) state().getOrDefault("lastForm", Map.of());
    }

    static String lastServiceCredential() {
        return (String) state().get("lastCredential");
    }

    /** A binding as token-service answers it. */
    static Reply binding(String habilitationId, List<String> scopes, String jti, long exp) {
        String list = String.join(",", scopes.stream().map(s -> "\"" + s + "\"").toList());
        return new Reply(200, "application/json", "{\"habilitation_id\":\"" + habilitationId
                + "\",\"siret\":\"13002526500013\",\"api_kind\":\"particulier\",\"scopes\":[" + list + "],\"jti\":\""
                + jti + "\",\"exp\":" + exp + "}");
    }

    @SuppressWarnings("unchecked")
    private static String start(Map<String, Object> state) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/api/v2/checktoken", exchange -> {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            state.put("lastForm", form);
            List<String> reply;
            try {
                reply = ((Function<Map<String, String>, List<String>>) state.get("checkToken")).apply(form);
            } catch (RuntimeException e) {
                reply = List.of("500", "text/plain", e.getClass().getSimpleName());
            }
            send(exchange, reply);
        });
        server.createContext("/api/v2/jwks", exchange -> send(exchange, List.of("200", "application/json", (String) state.get("jwks"))));
        server.createContext("/internal/franceconnect/clients/", exchange -> {
            ((AtomicInteger) state.get("bindingCalls")).incrementAndGet();
            String credential = exchange.getRequestHeaders().getFirst("X-Guichet-Service-Token");
            if (credential != null) {
                state.put("lastCredential", credential);
            }
            String id = exchange.getRequestURI().getPath().substring("/internal/franceconnect/clients/".length());
            send(exchange, ((Map<String, List<String>>) state.get("bindings")).getOrDefault(id, List.of("404", "application/json",
                    "{\"errors\":[{\"code\":\"00003\",\"title\":\"Non trouvé\",\"detail\":\"x\",\"meta\":{}}]}")));
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Map.copyOf(form);
    }

    private static void send(HttpExchange exchange, List<String> reply) throws IOException {
        byte[] body = reply.get(2).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", reply.get(1));
        exchange.sendResponseHeaders(Integer.parseInt(reply.get(0)), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
