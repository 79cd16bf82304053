package fr.guichet.associations.subvention.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.associations.config.AssociationsConfig;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import fr.guichet.providerkit.upstream.Upstreams;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Data Subvention as API Entreprise calls it (DataSubvention::Subventions::Authenticate and
 * MakeRequest; nothing is recorded, only answers are published): {@code POST <url>/auth/login}
 * with the JSON {@code {"email", "password"}}, whose answer carries the token in
 * {@code user.jwt.token}; then {@code GET <url>/association/<id>/grants} with the header
 * {@code x-access-token}. Runs under the kit's upstream {@value #UPSTREAM}; blocking.
 */
@ApplicationScoped
public class DataSubventionClient {

    /** The kit's upstream name: settings {@code guichet.upstream.data-subvention.*}, circuit, metrics. */
    public static final String UPSTREAM = "data-subvention";

    private final Upstreams upstreams;
    private final AssociationsConfig config;
    private final ObjectMapper json;

    public DataSubventionClient(Upstreams upstreams, AssociationsConfig config, ObjectMapper json) {
        this.upstreams = upstreams;
        this.config = config;
        this.json = json;
    }

    /** True when the URL, the e-mail and the password are set (production readiness). */
    public boolean configured() {
        AssociationsConfig.DataSubvention c = config.dataSubvention();
        return c.url().isPresent() && c.email().isPresent() && c.password().isPresent();
    }

    /**
     * A token from {@code /auth/login}, asked for each call: the answer's {@code expirateDate} is
     * not known well enough (a date, not a lifetime) to keep one.
     *
     * @return the token, or null when the answer carries none (API Entreprise: 502 {@code XX999})
     * @throws fr.guichet.providerkit.upstream.UpstreamFailure when no answer came
     */
    public String login() {
        AssociationsConfig.DataSubvention c = config.dataSubvention();
        byte[] body = json.createObjectNode()
                .put("email", c.email().orElseThrow(() -> new IllegalStateException("guichet.associations.data-subvention.email is not set")))
                .put("password", c.password().orElseThrow(() -> new IllegalStateException("guichet.associations.data-subvention.password is not set")))
                .toString().getBytes(StandardCharsets.UTF_8);
        UpstreamResponse answer = upstreams.client(UPSTREAM).call(UpstreamRequest.post(url() + "/auth/login", "application/json", body)
                .withHeader("accept", "application/json")
                .withMetricPath("/auth/login"));
        if (answer.status() != 200 || answer.body() == null) {
            return null;
        }
        try {
            JsonNode token = json.readTree(answer.body()).path("user").path("jwt").path("token");
            return token.isTextual() && !token.asText().isBlank() ? token.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The grants of a SIREN, SIRET or RNA number, whatever the status.
     *
     * @throws fr.guichet.providerkit.upstream.UpstreamFailure when no answer came
     */
    public UpstreamResponse grants(String id, String token) {
        return upstreams.client(UPSTREAM).call(UpstreamRequest
                .get(url() + "/association/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/grants")
                .withHeader("x-access-token", token)
                .withHeader("accept", "application/json")
                .withMetricPath("/association/{id}/grants"));
    }

    private String url() {
        return config.dataSubvention().url()
                .orElseThrow(() -> new IllegalStateException("guichet.associations.data-subvention.url is not set"))
                .replaceAll("/+$", "");
    }
}
