package fr.guichet.cnav.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Response bodies checked against the official API Particulier OpenAPI
 * ({@code guichet/reference/openapi-particulier.yaml}, shipped by common) with a real OpenAPI
 * validator, for a concrete path and a status: the Particulier twin of test-support's
 * {@code OpenApiContract} (which reads the API Entreprise file only). Objects that do not declare
 * {@code additionalProperties} stay open, as there.
 */
public final class ParticulierContract {

    private static final String SPEC = "guichet/reference/openapi-particulier.yaml";

    private ParticulierContract() {
    }

    /** Built on first use only: parsing the contract takes seconds. */
    private static final class Official {
        static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
                .createForInlineApiSpecification(spec())
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** The problems of a JSON body for {@code GET path} answered with {@code status}; empty when it conforms. */
    public static List<String> problems(String path, int status, String body) {
        ValidationReport report = Official.VALIDATOR.validateResponse(path, Request.Method.GET,
                SimpleResponse.Builder.status(status).withContentType("application/json").withBody(body).build());
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(ValidationReport.Message::getMessage).toList();
    }

    /** Throws {@link AssertionError} when the body does not conform to the path's documented response for that status. */
    public static void assertValid(String path, int status, String body) {
        List<String> problems = problems(path, status, body);
        if (!problems.isEmpty()) {
            throw new AssertionError("Réponse non conforme à l'OpenAPI API Particulier pour " + path + " (" + status
                    + ") :\n" + String.join("\n", problems) + "\n" + body);
        }
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
