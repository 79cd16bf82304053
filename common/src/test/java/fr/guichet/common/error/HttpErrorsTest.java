package fr.guichet.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HttpErrorsTest {

    @Test
    void a405IsTitledAsSuchAndNamesTheAcceptedMethods() {
        ApiException e = HttpErrors.methodNotAllowed("00503", Set.of("POST", "GET"));
        assertEquals(405, e.status());
        ApiError error = e.errors().get(0);
        assertEquals("00503", error.code());
        assertEquals("Méthode non autorisée", error.title());
        assertEquals(List.of("GET", "POST"), error.meta().get("allowed_methods"));
        assertTrue(error.detail().contains("GET, POST"), error.detail());
        assertTrue(HttpErrors.methodNotAllowed("00801", null).errors().get(0).meta().isEmpty());
    }

    @Test
    void a415IsTitledAsSuchAndPointsAtTheContentType() {
        ApiException e = HttpErrors.unsupportedMediaType("00261");
        assertEquals(415, e.status());
        ApiError error = e.errors().get(0);
        assertEquals("Type de contenu non pris en charge", error.title());
        assertNotEquals("Entité non traitable", error.title());
        assertEquals("Content-Type", error.source().get("header"));
    }
}
