package fr.guichet.testing.contract;

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
 * Response bodies checked against the official API Entreprise OpenAPI
 * ({@code guichet/reference/openapi-entreprise.yaml}, shipped by common) with a real OpenAPI
 * validator, for a concrete path (e.g. {@code /v3/infogreffe/rcs/unites_legales/418166096/extrait_kbis})
 * and a status. Shared by the provider modules' tests and the integration tests' contract walk.
 *
 * <p>Two readings of the official file, both because the file contradicts itself, never to
 * accept a body the contract forbids: {@code type: date} (not a JSON Schema type) is read as a
 * date string; objects that do not declare {@code additionalProperties} stay open, because the
 * {@code Error} schema lists code/title/detail while every error example carries source and meta.
 */
public final class OpenApiContract {

    private static final String SPEC = "guichet/reference/openapi-entreprise.yaml";
    private static final Pattern DATE_DEPOT_NOT_A_DATE = Pattern.compile(
            "\\[Path '/data/[a-z_/0-9]*date_depot'\\] String \"[^\"]+\" is invalid against requested date format");

    private OpenApiContract() {
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

    /**
     * Where API Entreprise's own sandbox cases break its own OpenAPI, by operation id: the cases are
     * served verbatim, so a walk over them tolerates exactly these problems and no other. API
     * Association's cases give a document's {@code date_depot} as a date-time
     * ({@code 2009-11-17T10:12:36.000+01:00}) or an impossible date ({@code 2022-02-30}) where the
     * contract says {@code format: date}.
     */
    public static final Map<String, Pattern> OFFICIAL_CASE_DIVERGENCES = Map.of(
            "api_entreprise_v4_mi_unites_legales", DATE_DEPOT_NOT_A_DATE,
            "api_entreprise_v4_mi_unites_legales_open_data", DATE_DEPOT_NOT_A_DATE);

    /**
     * The problems of a JSON body for {@code GET path} answered with {@code status}; empty when it
     * conforms. A status the path does not document is itself a problem.
     */
    public static String problems(String path, int status, String body) {
        return String.join("\n", problemList(path, status, body));
    }

    /** The same problems, one message each ({@code [Path '/data/...'] ...}). */
    public static List<String> problemList(String path, int status, String body) {
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
        return problemList(path, 200, body).stream().filter(p -> tolerated == null || !tolerated.matcher(p).find())
                .toList();
    }

    /**
     * Throws {@link AssertionError} when the body does not conform to the operation's documented
     * response for that status.
     */
    public static void assertValid(String path, int status, String body) {
        String problems = problems(path, status, body);
        if (!problems.isEmpty()) {
            throw new AssertionError("Réponse non conforme à l'OpenAPI API Entreprise pour " + path + " (" + status
                    + ") :\n" + problems + "\n" + body);
        }
    }

    /**
     * For statuses the contract does not list on the path (503 maintenance, 429 upstream quota): the
     * body must still be the contract's {@code Error} schema, which every error status of a path uses.
     */
    public static void assertValidError(String path, String body) {
        assertValid(path, 502, body);
    }

    private static String spec() {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(SPEC)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + SPEC + " on the class path (guichet-common)");
            }
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
