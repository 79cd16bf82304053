package fr.guichet.finance.banquedefrance.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import fr.guichet.common.error.ProviderPrefix;
import fr.guichet.finance.banquedefrance.client.BanqueDeFranceClient;
import fr.guichet.finance.banquedefrance.mapping.Bilans;
import fr.guichet.providerkit.error.ProviderErrors;
import fr.guichet.providerkit.error.UpstreamErrors;
import fr.guichet.providerkit.upstream.UpstreamFailure;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;

/**
 * A company's balance sheets from the Banque de France, its answer judged as API Entreprise's
 * BanqueDeFrance::BilansEntreprise::ValidateResponse does: a 200 with a non-empty {@code bilans}
 * is mapped ({@link Bilans}); {@code code-retour} 204 ("Pas de donnees") or 400 is 404
 * {@code 17003}, as is an HTTP 404; {@code code-retour} 500, an HTTP 408 or another 5xx is 502
 * {@code 17000}, except 502/503 (502 {@code 17001}) and 504 (504 {@code 17002}), the kit's rule for
 * every upstream; anything else (other status, no JSON, no {@code bilans}) is 502 {@code 17999}.
 * No answer at all: {@link UpstreamErrors#of}.
 */
@ApplicationScoped
public class BilansService {

    static final ProviderPrefix PREFIX = ProviderPrefix.BANQUE_DE_FRANCE;
    static final String PROVIDER = "Banque de France";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BanqueDeFranceClient client;

    public BilansService(BanqueDeFranceClient client) {
        this.client = client;
    }

    /** The API Entreprise v3 body (a collection, one item per balance sheet) of {@code siren}. */
    public String bilans(String siren) {
        UpstreamResponse answer;
        try {
            answer = client.bilans(siren);
        } catch (UpstreamFailure failure) {
            throw UpstreamErrors.of(failure, PREFIX, PROVIDER);
        }
        int status = answer.status();
        if (status == 404) {
            throw ProviderErrors.notFound(PREFIX, PROVIDER);
        }
        if (status == 502 || status == 503 || status == 504) {
            throw UpstreamErrors.ofStatus(status, PREFIX, PROVIDER);
        }
        if (status == 408 || status >= 500) {
            throw internalError();
        }
        if (status != 200) {
            throw UpstreamErrors.unknownAnswer(PREFIX, PROVIDER);
        }
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (IOException e) {
            throw UpstreamErrors.unknownAnswer(PREFIX, PROVIDER);
        }
        if (body == null || !body.isObject()) {
            throw UpstreamErrors.unknownAnswer(PREFIX, PROVIDER);
        }
        JsonNode bilans = body.path("bilans");
        if (bilans.isArray() && !bilans.isEmpty()) {
            return Bilans.toApiEntreprise(bilans).orElseThrow(() -> UpstreamErrors.unknownAnswer(PREFIX, PROVIDER));
        }
        int applicationCode = body.path("code-retour").asInt(-1);
        if (applicationCode == 204 || applicationCode == 400) {
            throw ProviderErrors.notFound(PREFIX, PROVIDER);
        }
        if (applicationCode == 500) {
            throw internalError();
        }
        throw UpstreamErrors.unknownAnswer(PREFIX, PROVIDER);
    }

    /** 502 {@code 17000}: the Banque de France says it failed (API Entreprise's ProviderInternalServerError). */
    private static ApiException internalError() {
        return new ApiException(502, ErrorCatalogue.standard().providerError(PREFIX, "000").withMeta("provider", PROVIDER));
    }
}
