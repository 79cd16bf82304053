package fr.guichet.finance.vies.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.error.ProviderPrefix;
import fr.guichet.providerkit.error.UpstreamErrors;
import fr.guichet.finance.vies.client.ViesClient;
import fr.guichet.finance.vies.mapping.TvaNumber;
import fr.guichet.providerkit.error.ProviderErrors;
import fr.guichet.providerkit.upstream.UpstreamFailure;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A company's VAT number, computed from its SIREN and confirmed by VIES, with API Entreprise's
 * reading of VIES's answer (EuropeanCommission::VIES::ValidateResponse): {@code isValid} true →
 * 200; false → 404 {@code 28003}; {@code userError} {@code IP_BLOCKED} or
 * {@code MS_MAX_CONCURRENT_REQ} → 502 {@code 28008}; {@code MS_UNAVAILABLE} or a proxy's
 * "contact your network support team" page → 502 {@code 28001}; any other {@code userError},
 * no {@code isValid} or no JSON → 502 {@code 28999}; no answer → {@link UpstreamErrors}.
 */
@ApplicationScoped
public class ViesService {

    static final ProviderPrefix PREFIX = ProviderPrefix.COMMISSION_EUROPEENNE;
    static final String PROVIDER = "Commission Européenne";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> RATE_LIMITED = Set.of("IP_BLOCKED", "MS_MAX_CONCURRENT_REQ");

    private final ViesClient client;

    public ViesService(ViesClient client) {
        this.client = client;
    }

    /** The API Entreprise v3 body for {@code siren} (nine digits, checked by the gateway). */
    public String tvaNumber(String siren) {
        String tva = TvaNumber.of(siren);
        UpstreamResponse answer;
        try {
            answer = client.check(tva);
        } catch (UpstreamFailure failure) {
            throw UpstreamErrors.of(failure, PREFIX, PROVIDER);
        }
        if (answer.status() != 200) {
            throw UpstreamErrors.ofStatus(answer.status(), PREFIX, PROVIDER);
        }
        String text = new String(answer.body(), StandardCharsets.UTF_8);
        if (text.contains("contact your network support team")) {
            throw UpstreamErrors.unavailable(PREFIX, PROVIDER);
        }
        JsonNode body;
        try {
            body = JSON.readTree(text);
        } catch (IOException e) {
            throw UpstreamErrors.unknownAnswer(PREFIX, PROVIDER);
        }
        if (body == null || !body.isObject()) {
            throw UpstreamErrors.unknownAnswer(PREFIX, PROVIDER);
        }
        String userError = body.path("userError").asText("");
        if (RATE_LIMITED.contains(userError)) {
            throw UpstreamErrors.rateLimited(PREFIX, PROVIDER);
        }
        if ("MS_UNAVAILABLE".equals(userError)) {
            throw UpstreamErrors.unavailable(PREFIX, PROVIDER);
        }
        JsonNode valid = body.get("isValid");
        if (!Set.of("VALID", "INVALID").contains(userError) || valid == null || !valid.isBoolean()) {
            throw UpstreamErrors.unknownAnswer(PREFIX, PROVIDER);
        }
        if (!valid.booleanValue()) {
            throw ProviderErrors.notFound(PREFIX, PROVIDER);
        }
        return TvaNumber.body(tva);
    }
}
