package fr.guichet.dgfip.support;

import static org.junit.jupiter.api.Assertions.fail;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Validates response bodies against the official API Entreprise OpenAPI
 * ({@code guichet/reference/openapi-entreprise.yaml} from common) for the operation's path and status.
 */
public final class OpenApiContract {

    private OpenApiContract() {
    }

    /** Built on first use only: parsing a contract takes seconds. */
    private static final class Official {
        static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
                .createForInlineApiSpecification(spec())
                // The contract's own additionalProperties: false stay enforced; objects that
                // do not say (the Error schema, whose examples carry meta and source) stay open.
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    private static final class Ensu {
        static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
                .createForInlineApiSpecification(read("META-INF/openapi.yaml")).build();
    }

    public static void assertValid(String path, int status, String body) {
        check(Official.VALIDATOR, "à l'OpenAPI API Entreprise", path, status, body);
    }

    /**
     * For statuses the contract does not list on the path (503 maintenance, 429 upstream quota): the
     * body must still be the contract's {@code Error} schema, which every error status of the path uses.
     */
    public static void assertValidError(String path, String body) {
        assertValid(path, 502, body);
    }

    /** ENSU DOCUMENTS: validated against this module's own contract ({@code META-INF/openapi.yaml}). */
    public static void assertValidEnsu(String path, int status, String body) {
        check(Ensu.VALIDATOR, "au contrat ENSU", path, status, body);
    }

    private static void check(OpenApiInteractionValidator validator, String contract, String path, int status,
                              String body) {
        ValidationReport report = validator.validateResponse(path, Request.Method.GET,
                SimpleResponse.Builder.status(status).withContentType("application/json").withBody(body).build());
        if (report.hasErrors()) {
            fail("Réponse non conforme " + contract + " pour " + path + " (" + status + ") :\n"
                    + report.getMessages() + "\n" + body);
        }
    }

    private static String read(String resource) {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String spec() {
        try (InputStream in = OpenApiContract.class.getClassLoader()
                .getResourceAsStream("guichet/reference/openapi-entreprise.yaml")) {
            // The official v4 attestation schema declares "type: date", which is no JSON Schema type
            // and stops the validator; it means a date string, so it is read as such.
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceAll("(?m)^(\\s+)type: date$", "$1type: string\n$1format: date")
                    // Liasses: the contract says a missing repetition index is sent as null (its example is
                    // ["4245", null, "5672"]) but types the items as plain strings; the items are nullable.
                    .replaceAll("(la valeur `null`\\n\\s+type: array\\n\\s+minItems: 1\\n\\s+items:\\n(\\s+)type: string)",
                            "$1\n$2nullable: true");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
