package fr.guichet.finance.douanes.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import fr.guichet.common.error.ProviderPrefix;
import fr.guichet.common.identifier.Siret;
import fr.guichet.finance.douanes.client.DouanesClient;
import fr.guichet.finance.douanes.mapping.EoriRegistration;
import fr.guichet.providerkit.error.UpstreamErrors;
import fr.guichet.providerkit.error.ProviderErrors;
import fr.guichet.providerkit.upstream.UpstreamFailure;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * An establishment's EORI registration from the customs: the identifier checked as API
 * Entreprise does (ValidateSiretOrEORI), the customs asked, their answer mapped. Errors:
 * 422 {@code 00304} malformed SIRET/EORI (the customs are not called), 404 {@code 16003}
 * (customs' 404), 502/504 {@code 16xxx} for the rest ({@link UpstreamErrors}).
 */
@ApplicationScoped
public class EoriService {

    static final ProviderPrefix PREFIX = ProviderPrefix.DGDDI;
    static final String PROVIDER = "Douanes";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TWO_LETTERS = Pattern.compile("^[A-Z]{2}");

    private final DouanesClient client;

    public EoriService(DouanesClient client) {
        this.client = client;
    }

    /** The API Entreprise v3 body of the registration of {@code siretOrEori}. */
    public String registration(String siretOrEori) {
        if (!wellFormed(siretOrEori)) {
            throw new ApiException(422, ErrorCatalogue.standard().error("00304"));
        }
        UpstreamResponse answer;
        try {
            answer = client.registration(siretOrEori);
        } catch (UpstreamFailure failure) {
            throw UpstreamErrors.of(failure, PREFIX, PROVIDER);
        }
        if (answer.status() == 404) {
            throw ProviderErrors.notFound(PREFIX, PROVIDER);
        }
        if (answer.status() != 200) {
            throw UpstreamErrors.ofStatus(answer.status(), PREFIX, PROVIDER);
        }
        try {
            return EoriRegistration.toApiEntreprise(JSON.readTree(answer.body()))
                    .orElseThrow(() -> UpstreamErrors.unknownAnswer(PREFIX, PROVIDER));
        } catch (IOException e) {
            throw UpstreamErrors.unknownAnswer(PREFIX, PROVIDER);
        }
    }

    /**
     * API Entreprise's rule: a valid SIRET, {@code FR} followed by a valid SIRET, or any other
     * number starting with two capital letters (another member state's EORI).
     */
    static boolean wellFormed(String value) {
        if (value == null) {
            return false;
        }
        if (Siret.isValid(value)) {
            return true;
        }
        if (value.startsWith("FR")) {
            return Siret.isValid(value.substring(2));
        }
        return TWO_LETTERS.matcher(value).find();
    }
}
