package fr.guichet.education.support;

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
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Response bodies checked against the official API Particulier OpenAPI
 * ({@code guichet/reference/openapi-particulier.yaml}, shipped by common) with the same validator
 * and the same reading as test-support's {@code OpenApiContract} does for API Entreprise: objects
 * that do not declare {@code additionalProperties} stay open (the {@code Error} schema lists
 * code/title/detail while every error example carries source and meta).
 */
public final class ParticulierContract {

    private static final String SPEC = "guichet/reference/openapi-particulier.yaml";

    private ParticulierContract() {
    }

    /**
     * Where API Particulier's own sandbox cases break its own OpenAPI, by operation id: the cases are
     * served verbatim, so a walk over them tolerates exactly these problems and no other. Two MESRI
     * cases by INE end an admission on an impossible date ({@code 2021-06-31}, {@code 2024-06-31})
     * where the contract says {@code format: date}.
     */
    public static final Map<String, Pattern> OFFICIAL_CASE_DIVERGENCES = Map.of(
            "api_particulier_v3_mesri_statut_etudiant_with_ine", Pattern.compile(
                    "\\[Path '/data/admissions/\\d+/date_fin'\\] String \"\\d{4}-06-31\" is invalid against requested date format"));

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

    /**
     * The problems of a sandbox case's 200 body for operation {@code operationId}, less those its
     * official cases are known to have ({@link #OFFICIAL_CASE_DIVERGENCES}).
     */
    public static List<String> sandboxCaseProblems(String operationId, String path, String body) {
        Pattern tolerated = OFFICIAL_CASE_DIVERGENCES.get(operationId);
        return problems(path, 200, body).stream().filter(p -> tolerated == null || !tolerated.matcher(p).find()).toList();
    }

    /** Throws {@link AssertionError} when the body does not conform to the operation's response for that status. */
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
