package fr.guichet.insee.client;

import fr.guichet.common.error.ApiException;

/**
 * INSEE failed (timeout, network, 5xx, 429, 401): the caller gets the carried 01xxx error; the
 * kit's circuit breaker has counted it. Business answers (404, 403, 301) are not failures.
 */
public class UpstreamFailure extends ApiException {

    public UpstreamFailure(ApiException error) {
        super(error.status(), error.errors());
    }
}
