package fr.guichet.associations.subvention.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.associations.subvention.client.DataSubventionClient;
import fr.guichet.associations.subvention.mapping.SubventionsV3;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import fr.guichet.common.error.ProviderPrefix;
import fr.guichet.common.identifier.RnaId;
import fr.guichet.common.identifier.Siren;
import fr.guichet.common.identifier.Siret;
import fr.guichet.providerkit.error.ProviderErrors;
import fr.guichet.providerkit.error.UpstreamErrors;
import fr.guichet.providerkit.upstream.UpstreamFailure;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;

/**
 * The grants of an association from Data Subvention, read as API Entreprise reads them
 * (DataSubvention::Subventions): 422 {@code 00330} for an identifier that is no SIREN, SIRET or
 * RNA number (not called); a login without token → 502 {@code 52999}; 400 or 404 → 404
 * {@code 52003}; 502/503/504 → {@link UpstreamErrors#ofStatus}; another non-200 or a body that
 * is no JSON with a {@code subventions} array → 502 {@code 52999}; an empty {@code subventions}
 * → 404 {@code 52003}; no answer → {@link UpstreamErrors}.
 */
@ApplicationScoped
public class SubventionsService {

    static final ProviderPrefix PREFIX = ProviderPrefix.DATA_SUBVENTION;
    static final String PROVIDER = "Data Subvention";

    private final DataSubventionClient client;
    private final ObjectMapper json;

    public SubventionsService(DataSubventionClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    /** The API Entreprise v3 collection body for a SIREN, a SIRET or an RNA number. */
    public String subventions(String id) {
        if (id == null || !(Siren.isValid(id) || Siret.isValid(id) || RnaId.isValid(id))) {
            throw new ApiException(422, ErrorCatalogue.standard().error("00330"));
        }
        UpstreamResponse answer;
        try {
            String token = client.login();
            if (token == null) {
                throw UpstreamErrors.unknownAnswer(PREFIX, PROVIDER);
            }
            answer = client.grants(id, token);
        } catch (UpstreamFailure failure) {
            throw UpstreamErrors.of(failure, PREFIX, PROVIDER);
        }
        int status = answer.status();
        if (status == 400 || status == 404) {
            throw ProviderErrors.notFound(PREFIX, PROVIDER);
        }
        if (status == 502 || status == 503 || status == 504) {
            throw UpstreamErrors.ofStatus(status, PREFIX, PROVIDER);
        }
        JsonNode subventions = status == 200 ? subventionsOf(answer.body()) : null;
        if (subventions == null) {
            throw UpstreamErrors.unknownAnswer(PREFIX, PROVIDER);
        }
        if (subventions.isEmpty()) {
            throw ProviderErrors.notFound(PREFIX, PROVIDER);
        }
        return SubventionsV3.body(subventions);
    }

    private JsonNode subventionsOf(byte[] body) {
        try {
            JsonNode subventions = body == null ? null : json.readTree(body).path("subventions");
            return subventions != null && subventions.isArray() ? subventions : null;
        } catch (IOException e) {
            return null;
        }
    }
}
