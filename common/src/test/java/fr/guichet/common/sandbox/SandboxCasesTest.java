package fr.guichet.common.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxCasesTest {

    @Test
    void readsTheIndexedCasesInOrderWithParametersAsText() {
        List<SandboxCase> cases = SandboxCases.load("sandbox-test/");
        assertEquals(2, cases.size());
        SandboxCase found = cases.get(0);
        assertEquals("op_a/found.yaml", found.file());
        assertEquals("op_a", found.operationId());
        assertEquals(Map.of("siren", "418166096", "year", "2024"), found.params());
        assertEquals(200, found.status());
        assertEquals("{\"data\": {\"siren\": \"418166096\"}}", found.payload());
        assertEquals(404, cases.get(1).status());
    }

    @Test
    void aMissingRootSaysWhichResource() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SandboxCases.load("nowhere/"));
        assertEquals("Missing class-path resource nowhere/index.txt", e.getMessage());
    }

    @Test
    void bytesOfAShippedFile() {
        assertArrayEquals("---\nparams:\n".getBytes(StandardCharsets.UTF_8),
                java.util.Arrays.copyOf(SandboxCases.bytes("sandbox-test/op_a/missing.yaml"), 12));
    }
}
