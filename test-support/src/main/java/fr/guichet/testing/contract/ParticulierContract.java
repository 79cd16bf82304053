package fr.guichet.testing.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Response bodies checked against the official API Particulier OpenAPI
 * ({@code guichet/reference/openapi-particulier.yaml}, shipped by common) with a real OpenAPI
 * validator, by operation: the file names each operation by the {@code x-operationId} of its 200
 * response ({@code api_particulier_v3_cnav_quotient_familial_with_civility}), one path per id.
 * Shared by the Particulier providers' tests and the integration tests' contract walk.
 *
 * <p>Read like API Entreprise's file ({@link OpenApiContract}), for the same reason: objects stay
 * open to attributes they do not list, because the {@code Error} schema lists code/title/detail
 * while every error the reference answers carries source and meta. Types, formats, enums and
 * required attributes are checked; a body masked by scopes (a token without some of the
 * operation's scopes) may lack required attributes, so check bodies answered to a token holding
 * every scope of the operation.
 */
public final class ParticulierContract {

    /** The official file, on the class path through guichet-common. */
    public static final String SPEC = "guichet/reference/openapi-particulier.yaml";

    private static final java.util.regex.Pattern MESRI_IMPOSSIBLE_DATE = java.util.regex.Pattern.compile(
            "\\[Path '/data/admissions/[0-9]+/date_(debut|fin)'\\] String \"[0-9]{4}-(02-3[01]|(04|06|09|11)-31)\" "
                    + "is invalid against requested date format");

    /**
     * Where API Particulier's own sandbox cases break its own OpenAPI, by operation id: the cases are
     * served verbatim, so a walk over them tolerates exactly these problems and no other. MESRI's
     * cases end some admissions on a day that does not exist ({@code 2021-06-31}) where the contract
     * says {@code format: date}.
     */
    public static final Map<String, java.util.regex.Pattern> OFFICIAL_CASE_DIVERGENCES = Map.of(
            "api_particulier_v3_mesri_statut_etudiant_with_ine", MESRI_IMPOSSIBLE_DATE,
            "api_particulier_v3_mesri_statut_etudiant_with_civility", MESRI_IMPOSSIBLE_DATE,
            "api_particulier_v3_mesri_statut_etudiant_with_france_connect", MESRI_IMPOSSIBLE_DATE);

    private ParticulierContract() {
    }

    /** Built on first use only: parsing the contract takes seconds. */
    private static final class Official {
        static final String TEXT = spec();
        static final JsonNode TREE = tree(TEXT);
        static final Map<String, String> PATHS = paths(TREE);
        static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
                .createForInlineApiSpecification(TEXT)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** Every {@code x-operationId} of the file with its path ({@code /v3/dss/quotient_familial/identite}), in file order. */
    public static Map<String, String> operations() {
        return Official.PATHS;
    }

    /** The path of an operation, or empty when the file has no such {@code x-operationId}. */
    public static Optional<String> path(String operationId) {
        return Optional.ofNullable(Official.PATHS.get(operationId));
    }

    /**
     * The query parameters of an operation as the partner sends them, by wire name
     * ({@code prenoms[]}, {@code nomNaissance}, {@code recipient}), in the file's order; {@code true}
     * for an array parameter (sent once per value). Header parameters (Cache-Control) are left out.
     *
     * @throws IllegalArgumentException when the file has no such {@code x-operationId}
     */
    public static Map<String, Boolean> queryParameters(String operationId) {
        String path = known(operationId);
        Map<String, Boolean> parameters = new LinkedHashMap<>();
        Official.TREE.path("paths").path(path).path("get").path("parameters").forEach(p -> {
            if ("query".equals(p.path("in").asText())) {
                parameters.put(p.path("name").asText(), "array".equals(p.path("schema").path("type").asText()));
            }
        });
        return Collections.unmodifiableMap(parameters);
    }

    /** Whether the operation's query parameter {@code wireName} ({@code prenoms[]}, {@code recipient}) is required. */
    public static boolean required(String operationId, String wireName) {
        String path = known(operationId);
        for (JsonNode p : Official.TREE.path("paths").path(path).path("get").path("parameters")) {
            if ("query".equals(p.path("in").asText()) && wireName.equals(p.path("name").asText())) {
                return p.path("required").asBoolean(false);
            }
        }
        return false;
    }

    /**
     * The problems of a JSON body answered with {@code status} by operation {@code operationId}, one
     * message each ({@code [Path '/data/quotient_familial'] ...}); empty when it conforms. A status
     * the operation does not document is itself a problem.
     *
     * @throws IllegalArgumentException when the file has no such {@code x-operationId}
     */
    public static List<String> problemList(String operationId, int status, String body) {
        String path = known(operationId);
        ValidationReport report = Official.VALIDATOR.validateResponse(path, Request.Method.GET,
                SimpleResponse.Builder.status(status).withContentType("application/json").withBody(body).build());
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(ValidationReport.Message::getMessage).toList();
    }

    /**
     * The problems of a sandbox case's 200 body for an operation, less those its official cases are
     * known to have ({@link #OFFICIAL_CASE_DIVERGENCES}).
     */
    public static List<String> sandboxCaseProblems(String operationId, String body) {
        java.util.regex.Pattern tolerated = OFFICIAL_CASE_DIVERGENCES.get(operationId);
        return problemList(operationId, 200, body).stream().filter(p -> tolerated == null || !tolerated.matcher(p).find()).toList();
    }

    /** {@link #problemList} joined, one a line; empty when the body conforms. */
    public static String problems(String operationId, int status, String body) {
        return String.join("\n", problemList(operationId, status, body));
    }

    /**
     * Throws {@link AssertionError} (naming the operation, its path and every problem) when the body
     * does not conform to the operation's documented response for that status.
     */
    public static void assertValid(String operationId, int status, String body) {
        String problems = problems(operationId, status, body);
        if (!problems.isEmpty()) {
            throw new AssertionError("Réponse non conforme à l'OpenAPI API Particulier pour " + operationId + " ("
                    + path(operationId).orElse("?") + ", " + status + ") :\n" + problems + "\n" + body);
        }
    }

    /** The path of an operation the file has, else an {@link IllegalArgumentException} naming it. */
    private static String known(String operationId) {
        return path(operationId).orElseThrow(() -> new IllegalArgumentException(
                "openapi-particulier.yaml has no x-operationId " + operationId));
    }

    private static JsonNode tree(String text) {
        try {
            return new YAMLMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> paths(JsonNode root) {
        Map<String, String> byId = new LinkedHashMap<>();
        root.path("paths").fields().forEachRemaining(path -> path.getValue().path("get").path("responses")
                .forEach(response -> {
                    String id = response.path("x-operationId").asText(null);
                    if (id != null) {
                        byId.put(id, path.getKey());
                    }
                }));
        return Collections.unmodifiableMap(byId);
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
