package fr.guichet.providerkit.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ProviderPrefix;
import fr.guichet.providerkit.upstream.UpstreamFailure;
import org.junit.jupiter.api.Test;

/** API Entreprise's classification of upstream failures: status, code, meta.provider. */
class UpstreamErrorsTest {

    private static void assertError(ApiException e, int status, String code) {
        assertEquals(status, e.status());
        assertEquals(code, e.errors().get(0).code());
        assertEquals("Douanes", e.errors().get(0).meta().get("provider"));
    }

    private static ApiException of(UpstreamFailure.Kind kind) {
        return UpstreamErrors.of(new UpstreamFailure("douanes", kind, "test", null), ProviderPrefix.DGDDI, "Douanes");
    }

    @Test
    void failuresWithoutAnswer() {
        assertError(of(UpstreamFailure.Kind.TIMEOUT), 504, "16002");
        assertError(of(UpstreamFailure.Kind.CONNECT_TIMEOUT), 504, "16002");
        assertError(of(UpstreamFailure.Kind.UNREACHABLE), 502, "16001");
        assertError(of(UpstreamFailure.Kind.CIRCUIT_OPEN), 502, "16001");
        assertError(of(UpstreamFailure.Kind.BULKHEAD_FULL), 502, "16001");
        assertError(of(UpstreamFailure.Kind.DNS), 502, "16004");
        assertError(of(UpstreamFailure.Kind.TLS), 502, "16009");
    }

    @Test
    void answersThatAreNeitherDataNorNotFound() {
        assertError(UpstreamErrors.ofStatus(503, ProviderPrefix.DGDDI, "Douanes"), 502, "16001");
        assertError(UpstreamErrors.ofStatus(502, ProviderPrefix.DGDDI, "Douanes"), 502, "16001");
        assertError(UpstreamErrors.ofStatus(504, ProviderPrefix.DGDDI, "Douanes"), 504, "16002");
        assertError(UpstreamErrors.ofStatus(400, ProviderPrefix.DGDDI, "Douanes"), 502, "16999");
        assertError(UpstreamErrors.rateLimited(ProviderPrefix.DGDDI, "Douanes"), 502, "16008");
        assertError(UpstreamErrors.unavailable(ProviderPrefix.DGDDI, "Douanes"), 502, "16001");
    }
}
