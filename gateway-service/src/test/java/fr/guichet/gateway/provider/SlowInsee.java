package fr.guichet.gateway.provider;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An in-process stand-in of provider-insee: answers every data call with a small unité légale,
 * except a call whose query holds {@code object=hang}, which it answers only after
 * {@value #HANG_MILLIS} ms (a hung upstream). The gateway gives insee a 500 ms timeout and a
 * bulkhead of 2 with a queue of 1, so that both are reached quickly.
 */
public class SlowInsee implements QuarkusTestResourceLifecycleManager {

    static final long HANG_MILLIS = 4_000;
    static final String BODY = "{\"data\":{\"siren\":\"418166096\"},\"links\":{},\"meta\":{}}";
    private HttpServer server;
    private ExecutorService threads;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            threads = Executors.newCachedThreadPool();
            server.setExecutor(threads);
            server.createContext("/", exchange -> {
                String query = exchange.getRequestURI().getRawQuery();
                if (query != null && query.contains("object=hang")) {
                    try {
                        Thread.sleep(HANG_MILLIS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                try {
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                } catch (java.io.IOException e) {
                    // The gateway gave up on this call (timeout) and closed the connection.
                }
                exchange.close();
            });
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of("guichet.gateway.providers.insee.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "guichet.gateway.providers.insee.timeout", "PT0.5S",
                "guichet.gateway.providers.insee.bulkhead", "2",
                "guichet.gateway.providers.insee.bulkhead-queue", "1");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
