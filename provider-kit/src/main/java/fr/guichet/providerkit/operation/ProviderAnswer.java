package fr.guichet.providerkit.operation;

import java.util.Map;

/**
 * What a provider answers the gateway for one call: HTTP status, JSON body (API Entreprise data
 * or error body, serialised once) and extra response headers (e.g. {@code X-Guichet-Cache}).
 */
public record ProviderAnswer(int status, String body, Map<String, String> headers) {

    public ProviderAnswer {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static ProviderAnswer json(int status, String body) {
        return new ProviderAnswer(status, body, Map.of());
    }
}
