package fr.guichet.status.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Response bodies checked against the official API Particulier OpenAPI
 * ({@code guichet/reference/openapi-particulier.yaml}, shipped by common) with a real OpenAPI
 * validator. The file names an operation by the {@code x-operationId} of its 200 response, so an
 * operation id leads to its path; the file is read as it is (closed objects stay closed).
 */
public final class ParticulierContract {

    private static final String SPEC = "guichet/reference/openapi-particulier.yaml";

    private ParticulierContract() {
    }

    /** Built on first use only: parsing the contract takes seconds. */
    private static final class Official {
        static final String TEXT = spec();
        static final Map<String, String> PATHS = paths(TEXT);
        static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
                .createForInlineApiSpecification(TEXT).build();
    }

    /**
     * Throws {@link AssertionError} when {@code body}, answered with {@code status} by
     * {@code operationId}, does not conform to the operation's documented response.
     */
    public static void assertValid(String operationId, int status, String body) {
        String path = Official.PATHS.get(operationId);
        if (path == null) {
            throw new AssertionError("openapi-particulier.yaml n'a pas d'x-operationId " + operationId);
        }
        ValidationReport report = Official.VALIDATOR.validateResponse(path, Request.Method.GET,
                SimpleResponse.Builder.status(status).withContentType("application/json").withBody(body).build());
        String problems = String.join("\n", report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR).map(ValidationReport.Message::getMessage).toList());
        if (!problems.isEmpty()) {
            throw new AssertionError("Réponse non conforme à l'OpenAPI API Particulier pour " + operationId + " (" + path
                    + ", " + status + ") :\n" + problems + "\n" + body);
        }
    }

    private static Map<String, String> paths(String text) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> byId = new LinkedHashMap<>();
        root.path("paths").fields().forEachRemaining(path -> path.getValue().path("get").path("responses")
                .forEach(response -> {
                    if (response.hasNonNull("x-operationId")) {
                        byId.put(response.get("x-operationId").asText(), path.getKey());
                    }
                }));
        return byId;
    }

    private static String spec() {
        try (InputStream in = ParticulierContract.class.getClassLoader().getResourceAsStream(SPEC)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + SPEC + " on the class path (guichet-common)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
