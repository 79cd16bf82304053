package fr.guichet.common.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.resource.ClassPathFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published sandbox catalogue: for every operation that has sandbox cases, the calls the
 * sandbox answers and what each gives. It is generated from the providers' sandbox cases and the
 * operation declarations into {@value #RESOURCE} (test-support's {@code SandboxCatalogueGenerator},
 * {@code bin/sandbox-catalogue}), served by the gateway at {@code /sandbox} and shown in
 * {@code docs/sandbox-catalogue.md}.
 *
 * @param operations the operations, in declaration order (providers as in {@code guichet/operations/index.txt})
 */
public record SandboxCatalogue(List<Operation> operations) {

    /** Class-path resource of the generated catalogue (module {@code common}). */
    public static final String RESOURCE = "guichet/sandbox-catalogue.json";

    /**
     * One operation and its answered calls.
     *
     * @param operationId the versioned operation id ({@code api_entreprise_v4_insee_unites_legales})
     * @param provider    the provider key of {@code guichet/operations/<provider>.yml}
     * @param title       the operation's French title (its declaration's summary, else the official OpenAPI's)
     * @param cases       the calls, in the order the provider lists its cases
     */
    @JsonPropertyOrder({"operation_id", "provider", "title", "cases"})
    public record Operation(@JsonProperty("operation_id") String operationId, String provider, String title,
                            List<Entry> cases) {
    }

    /**
     * One call the sandbox answers. The caller adds a token holding one of the operation's scopes
     * and the tracing parameters: {@code context}, {@code object} and {@code recipient} for API
     * Entreprise, {@code recipient} alone for API Particulier.
     *
     * @param caseName  the sandbox case's file name without its extension
     * @param status    the HTTP status the call gets
     * @param method    always {@code GET} today
     * @param path      the path, its parameters filled in
     * @param query     the case's own query parameters that take one value (none of the tracing ones)
     * @param queryLists the case's query parameters sent once per value, by wire name (API
     *                  Particulier's {@code prenoms[]}); empty for API Entreprise
     * @param franceConnectToken on an API Particulier FranceConnect route, the sandbox's fictitious
     *                  FranceConnect token to send as the Bearer instead of the partner's token
     *                  (it carries the identity the case answers); null elsewhere
     * @param summary   what the call gives, in French
     */
    @JsonPropertyOrder({"case", "status", "method", "path", "query", "query_lists", "france_connect_token", "summary"})
    public record Entry(@JsonProperty("case") String caseName, int status, String method, String path,
                        Map<String, String> query,
                        @JsonProperty("query_lists") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, List<String>> queryLists,
                        @JsonProperty("france_connect_token") @JsonInclude(JsonInclude.Include.NON_NULL) String franceConnectToken,
                        String summary) {

        /** A missing {@code query_lists} (every API Entreprise entry) reads as none. */
        public Entry {
            queryLists = queryLists == null ? Map.of() : queryLists;
        }

        /** An API Entreprise call: single-valued query parameters, the partner's own token. */
        public Entry(String caseName, int status, String method, String path, Map<String, String> query, String summary) {
            this(caseName, status, method, path, query, Map.of(), null, summary);
        }
    }

    /**
     * The catalogue shipped on the class path.
     *
     * @throws IllegalStateException when the resource is missing
     * @throws UncheckedIOException when it is not a catalogue
     */
    public static SandboxCatalogue load() {
        try (InputStream in = ClassPathFiles.open(RESOURCE)) {
            return new ObjectMapper().readValue(in, SandboxCatalogue.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable " + RESOURCE, e);
        }
    }

    /** The operation with this versioned id, if the catalogue has it. */
    public Optional<Operation> operation(String operationId) {
        return operations.stream().filter(o -> o.operationId().equals(operationId)).findFirst();
    }
}
