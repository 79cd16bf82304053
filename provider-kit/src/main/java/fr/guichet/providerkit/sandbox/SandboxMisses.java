package fr.guichet.providerkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.provider.ProviderConfig;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * The 404 of a sandbox call that no case answers says where the cases are: the gateway's
 * published catalogue, {@code <guichet.provider.public-base-url>/sandbox}. The official codes and
 * titles are kept (API Entreprise's {@code XX003}); only {@code detail} is completed. A call that
 * matches a 404 case exactly gets that case verbatim, as API Entreprise's staging answers it.
 */
@Singleton
public class SandboxMisses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProviderConfig provider;

    public SandboxMisses(ProviderConfig provider) {
        this.provider = provider;
    }

    /** The catalogue's URL: the gateway's public base URL followed by {@code /sandbox}. */
    public String catalogueUrl() {
        String base = provider.publicBaseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/sandbox";
    }

    /** The sentence appended to the detail of each error of a sandbox miss. */
    public String hint() {
        return "Les appels auxquels le bac à sable répond sont publiés dans son catalogue : " + catalogueUrl();
    }

    /** The exception with the catalogue's URL at the end of each error's detail. */
    public ApiException hinted(ApiException e) {
        return new ApiException(e.status(), e.errors().stream()
                .map(error -> error.withDetail(joined(error.detail()))).toList());
    }

    /**
     * A 404 case's payload ({@code {"errors": [...]}}) with the catalogue's URL at the end of each
     * error's detail; a payload of another shape is returned as it is.
     */
    public String hinted(String payload) {
        try {
            JsonNode body = JSON.readTree(payload);
            for (JsonNode error : body.path("errors")) {
                if (error instanceof ObjectNode e) {
                    e.put("detail", joined(e.path("detail").asText(null)));
                }
            }
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            return payload;
        }
    }

    private String joined(String detail) {
        if (detail == null || detail.isBlank()) {
            return hint();
        }
        return detail.strip() + (detail.strip().endsWith(".") ? " " : ". ") + hint();
    }
}
