package fr.guichet.trace.query.rest;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.common.identifier.Siret;
import fr.guichet.common.trace.KeyedHash;
import fr.guichet.trace.audit.AuditTrail;
import fr.guichet.trace.common.Periods;
import fr.guichet.trace.config.TraceConfig;
import fr.guichet.trace.error.TraceErrors;
import fr.guichet.trace.query.service.IdentitySearch;
import fr.guichet.trace.query.service.TraceFilter;
import fr.guichet.trace.security.Roles;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The auditors' search by identity: which API Particulier calls were about this person. The
 * identity travels in the body (never in a URL, which access logs and proxies keep), is hashed
 * with the installation's trace salt as the gateway hashed it, and is never logged nor stored in
 * clear: the search is on record (action {@code trace_identity_search}, who, when) with the hashes
 * it looked for.
 */
@Path("/admin/traces/identity-search")
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
public class IdentitySearchResource {

    static final String PATH = "/admin/traces/identity-search";
    /** Parameters that are no one's identity: traces keep them in clear, the ordinary search finds them. */
    static final List<String> NOT_IDENTITY = List.of("recipient", "context", "object", "token");
    static final int MAX_PARAMETERS = 16;
    static final int MAX_VALUE = 512;
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}(\\[\\])?");

    private final IdentitySearch search;
    private final TraceConfig config;
    private final AuditTrail audit;
    private final SecurityIdentity identity;

    public IdentitySearchResource(IdentitySearch search, TraceConfig config, AuditTrail audit, SecurityIdentity identity) {
        this.search = search;
        this.config = config;
        this.audit = audit;
        this.identity = identity;
    }

    /**
     * The body: {@code parameters} (wire names of API Particulier, {@code nomNaissance},
     * {@code prenoms} as an array, {@code anneeDateNaissance}..., text or number), and optionally
     * {@code organisation} (the partner's SIRET), {@code operation}, {@code from}, {@code to} (default:
     * the last 30 days), {@code limit} (default 100), {@code before} (a previous page's
     * {@code next_cursor}).
     */
    @RegisterForReflection
    public record Request(Map<String, JsonNode> parameters, String organisation, String operation, String from, String to,
                          Integer limit, String before) {
    }

    /**
     * The calls about the person, newest first, as {@code GET /admin/traces} answers.
     * Errors: 422 {@code 00262} naming the faulty field in {@code source.parameter} (no parameter, an
     * unknown shape, a value empty or longer than {@value #MAX_VALUE} characters, a non-identity
     * parameter, a bad period or SIRET), 503 {@code 00264} when the installation has no trace salt.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recherche des appels concernant une personne, par son identité (hachée avec le sel des traces)")
    public Uni<AdminTracesResource.SearchPage> search(Request request) {
        KeyedHash hash = new KeyedHash(config.salt().filter(s -> !s.isEmpty()).orElseThrow(() -> TraceErrors.notConfigured(
                "La recherche par identité n'est pas configurée : le sel des traces (guichet.trace.salt) manque.")));
        if (request == null || request.parameters() == null || request.parameters().isEmpty()) {
            throw TraceErrors.invalidParameter("parameters", "Indiquez au moins un paramètre d'identité (nomNaissance, prenoms...)");
        }
        if (request.parameters().size() > MAX_PARAMETERS) {
            throw TraceErrors.invalidParameter("parameters", "Au plus " + MAX_PARAMETERS + " paramètres d'identité");
        }
        Map<String, List<String>> hashes = new LinkedHashMap<>();
        Map<String, String> criteria = new LinkedHashMap<>();
        request.parameters().forEach((given, value) -> {
            if (!NAME.matcher(given).matches()) {
                throw TraceErrors.invalidParameter("parameters", "Un nom de paramètre n'est pas un nom de paramètre d'API Particulier");
            }
            String name = given.endsWith("[]") ? given.substring(0, given.length() - 2) : given;
            if (NOT_IDENTITY.contains(name)) {
                throw TraceErrors.invalidParameter("parameters." + name, name + " n'identifie pas une personne : "
                        + "les traces le gardent en clair, cherchez-le avec GET /admin/traces");
            }
            List<String> values = values(name, value);
            hashes.put(name, IdentitySearch.hashes(hash, values));
            // the audit record says who was looked for, hashed as the traces keep it
            criteria.put("identity." + name, hash.hash(String.join(",", values)));
        });
        if (request.organisation() != null && !request.organisation().isBlank() && !Siret.isValid(request.organisation().trim())) {
            throw TraceErrors.invalidParameter("organisation", "Le paramètre organisation doit être un numéro de siret valide");
        }
        Instant end = Periods.to(request.to(), Instant.now());
        Instant start = Periods.from(request.from(), end.minus(30, ChronoUnit.DAYS));
        Periods.checkOrder(start, end);
        TraceFilter filter = new TraceFilter(blank(request.organisation()), null, null, null, null, null,
                blank(request.operation()), start, end);
        if (request.before() != null && !request.before().isBlank()) {
            try {
                filter = filter.before(TraceFilter.Cursor.parse(request.before().trim()));
            } catch (RuntimeException e) {
                throw TraceErrors.invalidParameter("before", "Le paramètre before doit être la valeur next_cursor d'une page précédente");
            }
        }
        int n = QueryParams.limit(request.limit() == null ? null : request.limit().toString(), 100,
                config.export().maxSearchLimit());
        criteria.put("organisation", filter.organisation());
        criteria.put("operation", filter.operation());
        criteria.put("from", start.toString());
        criteria.put("to", end.toString());
        criteria.put("limit", Integer.toString(n));
        criteria.put("before", blank(request.before()));
        TraceFilter query = filter;
        return audit.recordRead(identity, "POST", PATH, "trace_identity_search", criteria)
                .chain(() -> search.search(query, hashes, n))
                .map(events -> AdminTracesResource.SearchPage.of(events, n));
    }

    /** A parameter's values: one text or number, or an array of them; never echoed in an error. */
    private static List<String> values(String name, JsonNode value) {
        List<String> values = new ArrayList<>();
        if (value != null && value.isArray()) {
            for (Iterator<JsonNode> it = value.elements(); it.hasNext(); ) {
                values.add(scalar(name, it.next()));
            }
        } else {
            values.add(scalar(name, value));
        }
        if (values.isEmpty()) {
            throw TraceErrors.invalidParameter("parameters." + name, "La valeur de " + name + " est vide");
        }
        return values;
    }

    private static String scalar(String name, JsonNode value) {
        if (value == null || !(value.isTextual() || value.isIntegralNumber())) {
            throw TraceErrors.invalidParameter("parameters." + name, "La valeur de " + name
                    + " doit être un texte, un nombre entier ou une liste de textes");
        }
        String text = value.asText().strip();
        if (text.isEmpty() || text.length() > MAX_VALUE) {
            throw TraceErrors.invalidParameter("parameters." + name, "La valeur de " + name
                    + " doit compter de 1 à " + MAX_VALUE + " caractères");
        }
        return text;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
