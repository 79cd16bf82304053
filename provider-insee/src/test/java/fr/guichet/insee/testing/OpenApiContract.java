package fr.guichet.insee.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Validates provider-insee's bodies against the official API Entreprise OpenAPI
 * ({@code guichet/reference/openapi-entreprise.yaml} from common).
 */
public final class OpenApiContract {

    private static final String SPEC = spec();

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(SPEC)
            .build();

    /**
     * The Error schema lists code/title/detail only, while every error example of the same
     * OpenAPI carries {@code source} and {@code meta}: error bodies may have more properties.
     */
    private static final OpenApiInteractionValidator ERROR_VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(SPEC)
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                    .build())
            .build();

    /**
     * Address parts the OpenAPI types as plain strings although INSEE leaves them empty for
     * addresses without them (no street number, lieu-dit without street): null is INSEE's value.
     */
    private static final List<String> NULLABLE_IN_FACT = List.of("/adresse/numero_voie", "/adresse/libelle_voie",
            "/data/numero_voie", "/data/libelle_voie");

    private OpenApiContract() {
    }

    public static void assertValid(String path, int status, String body) {
        assertValid(path, status, body, List.of());
    }

    /**
     * Same, tolerating the enum violations by {@code "[ND]"} listed in {@code ndEnumFields}: the
     * OpenAPI's prose says these fields read "[ND]" on the diffusible routes, while its enums
     * (sexe, type_voie, indice_repetition_voie) forget that value.
     */
    public static void assertValid(String path, int status, String body, List<String> ndEnumFields) {
        SimpleResponse response = SimpleResponse.Builder.status(status)
                .withContentType("application/json")
                .withBody(body)
                .build();
        ValidationReport report = (status >= 400 ? ERROR_VALIDATOR : VALIDATOR).validateResponse(path, Request.Method.GET, response);
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !(m.getMessage().contains("[\"[ND]\"]") || m.getMessage().contains("\"[ND]\""))
                        || ndEnumFields.stream().noneMatch(f -> m.getMessage().contains(f) || pointer(m).endsWith("/" + f)))
                .filter(m -> !(m.getMessage().contains("Instance type (null)") && NULLABLE_IN_FACT.stream().anyMatch(pointer(m)::endsWith)))
                .toList();
        if (!errors.isEmpty()) {
            fail("Body of " + path + " does not follow the OpenAPI:\n"
                    + errors.stream().map(m -> m.getKey() + " " + pointer(m) + " " + m.getMessage()).collect(Collectors.joining("\n"))
                    + "\n" + body);
        }
    }

    private static String pointer(ValidationReport.Message m) {
        return m.getContext().flatMap(c -> c.getPointers()).map(p -> p.getInstance()).orElse("");
    }

    private static String spec() {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream("guichet/reference/openapi-entreprise.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi-entreprise.yaml missing from the class path (common)");
            }
            // The official document types a few ISO dates as "type: date", which is not a JSON
            // Schema type; they are strings in format date (as its own examples show).
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceAll("(?m)^(\\s+)type: date$", "$1type: string\n$1format: date");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
