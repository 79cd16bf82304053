package fr.guichet.token.trace;

import fr.guichet.token.config.TokenConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** {@code Authorization: Basic base64("token-service:" + secret)} for trace-service. */
@ApplicationScoped
public class TraceCredentials {

    public static final String CLIENT = "token-service";

    private final String header;

    public TraceCredentials(TokenConfig config) {
        this.header = "Basic " + Base64.getEncoder().encodeToString(
                (CLIENT + ":" + config.traceService().secret()).getBytes(StandardCharsets.UTF_8));
    }

    public String header() {
        return header;
    }
}
