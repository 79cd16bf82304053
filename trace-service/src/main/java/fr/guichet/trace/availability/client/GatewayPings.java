package fr.guichet.trace.availability.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reader of the gateway's public {@code /pings}: {@code {"insee": {"status": "ok"}, ...}}. The
 * gateway answers 502 with the same body as soon as one provider is not ok, so the body is read
 * whatever the status.
 */
public final class GatewayPings {

    /** A provider's state for the availability record. */
    public enum State {
        /** {@code ok}. */
        UP,
        /** {@code maintenance}: a window or an operator's cut; not counted as unavailability. */
        MAINTENANCE,
        /** Anything else ({@code bad_gateway}, {@code unknown}). */
        DOWN
    }

    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Duration timeout;

    public GatewayPings(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * The state of every provider the gateway lists, by adapter key; empty when the gateway does not
     * answer or answers something else than a JSON object of pings (then nothing is recorded).
     *
     * @param base the gateway's base URL
     * @throws IOException when the gateway cannot be reached; the message says why
     */
    public Optional<Map<String, State>> read(URI base) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/pings")).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            return Optional.empty();
        }
        if (body == null || !body.isObject() || body.isEmpty()) {
            return Optional.empty();
        }
        Map<String, State> states = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String status = f.getValue().path("status").asText("");
            if (status.isEmpty()) {
                // not a ping: an error body, say
                return Optional.empty();
            }
            states.put(f.getKey(), switch (status) {
                case "ok" -> State.UP;
                case "maintenance" -> State.MAINTENANCE;
                default -> State.DOWN;
            });
        }
        return Optional.of(states);
    }
}
