package fr.guichet.social.probtp.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.social.error.UpstreamErrors;
import java.util.Base64;
import java.util.Optional;

/** PRO BTP's answers in API Entreprise's shapes (OpenAPI of the two probtp paths). */
public final class ProbtpMapping {

    private ProbtpMapping() {
    }

    /**
     * {@code {"data": {"eligible": true|false}, "links": {}, "meta": {}}} from the status answer, whose
     * {@code corps} starts with {@code 00} (eligible) or {@code 01} (not eligible).
     *
     * @throws fr.guichet.common.error.ApiException 502 {@code 09999} for any other {@code corps}: the
     *         reference implementation would answer {@code eligible: null}, which the OpenAPI does not allow
     */
    public static ObjectNode conformite(OperationDeclaration operation, JsonNode answer) {
        String corps = answer.path("corps").asText("");
        Boolean eligible = corps.startsWith("00") ? Boolean.TRUE : corps.startsWith("01") ? Boolean.FALSE : null;
        if (eligible == null) {
            throw UpstreamErrors.unknownAnswer(operation);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("data").put("eligible", eligible);
        body.putObject("links");
        body.putObject("meta");
        return body;
    }

    /** The attestation PDF of the attestation answer ({@code data}, base64), if it carries one. */
    public static Optional<byte[]> attestationPdf(JsonNode answer) {
        String data = answer.path("data").asText("");
        if (data.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getMimeDecoder().decode(data));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
