package fr.guichet.providerkit.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ProviderPrefix;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class ProviderErrorsTest {

    @Test
    void anUnexpectedFailureIs502WithTheProviders999AndTheSameBodyShapeEverywhere() {
        for (ProviderPrefix prefix : new ProviderPrefix[] {ProviderPrefix.INSEE, ProviderPrefix.DGFIP, ProviderPrefix.ACOSS}) {
            ApiException e = ProviderErrors.unexpected(prefix);
            assertEquals(502, e.status());
            assertEquals(1, e.errors().size());
            assertEquals(prefix.prefix() + "999", e.errors().get(0).code());
            assertEquals("Erreur inconnue du fournisseur de données", e.errors().get(0).title());
            assertTrue(e.errors().get(0).meta().isEmpty());
        }
    }

    @Test
    void maintenanceSays503WithRetryAfter() {
        Response response = ProviderExceptionMapper.toResponse(ProviderErrors.maintenance(ProviderPrefix.DGFIP, 120));
        assertEquals(503, response.getStatus());
        assertEquals("120", String.valueOf(response.getHeaders().getFirst("Retry-After")));
        assertEquals("03020", ProviderErrors.maintenance(ProviderPrefix.DGFIP, 120).errors().get(0).code());
    }
}
