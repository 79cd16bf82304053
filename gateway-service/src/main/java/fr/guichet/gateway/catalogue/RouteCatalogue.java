package fr.guichet.gateway.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.common.operation.OperationDeclarations;
import fr.guichet.common.operation.PathTemplate;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The routes the gateway serves, read from data: the operation declarations of {@code common}
 * ({@code guichet/operations/*.yml}, which the providers read too: paths, providers), {@code guichet/reference/authorizations.yml} (scopes) and
 * {@code guichet/reference/throttle.yml} (quotas). Nothing about a route is hard-coded.
 */
@Singleton
@Startup
public class RouteCatalogue {

    public static final String AUTHORIZATIONS = "guichet/reference/authorizations.yml";
    public static final String THROTTLE = "guichet/reference/throttle.yml";
    public static final Set<String> VERSIONS = Set.of("v3", "v4", "v5");

    private static final Logger LOG = Logger.getLogger(RouteCatalogue.class);

    private final List<Compiled> routes;
    private final List<PathTemplate> removed;
    private final Map<String, Route> byOperation;

    private record Compiled(Route route, PathTemplate template) {
    }

    public RouteCatalogue() {
        this(Map.of());
    }

    @jakarta.inject.Inject
    public RouteCatalogue(fr.guichet.gateway.config.GatewayConfig config) {
        this(config.limits().groups());
    }

    /** @param groupLimits operator overrides of group limits, by throttle group name */
    public RouteCatalogue(Map<String, Integer> groupLimits) {
        this(OperationDeclarations.standard(), groupLimits);
    }

    /**
     * @param declarations the operations to serve (all providers')
     * @param groupLimits  operator overrides of group limits, by throttle group name
     */
    public RouteCatalogue(OperationDeclarations declarations, Map<String, Integer> groupLimits) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode authorizations = read(yaml, AUTHORIZATIONS).path("shared");
        JsonNode throttle = read(yaml, THROTTLE).path("shared");
        Map<String, Route.Throttle> throttleByOperation = throttleGroups(throttle);
        Map<String, Route.Throttle> namedGroups = new LinkedHashMap<>();
        throttleByOperation.values().forEach(g -> namedGroups.putIfAbsent(g.group(), g));
        Map<String, Route.Throttle> extraGroups = new LinkedHashMap<>();
        declarations.extraThrottleGroups().values().forEach(g -> extraGroups.put(g.name(),
                new Route.Throttle(g.name(), g.name(), g.limit(), g.periodSeconds())));
        // A declared group is an extra group, else a throttle.yml group by name (v4/v5-only API
        // Particulier operations, which throttle.yml does not list).
        namedGroups.forEach(extraGroups::putIfAbsent);

        List<Compiled> compiled = new ArrayList<>();
        Map<String, Route> operations = new LinkedHashMap<>();
        for (OperationDeclaration d : declarations.all()) {
            String id = d.id();
            Set<String> scopes = new LinkedHashSet<>();
            if (d.scopeTemplate() == null) {
                JsonNode authorization = authorizations.path(String.valueOf(d.authorization()));
                // An empty list is a decision (every valid token), a missing key a mistake.
                if (!authorization.isArray()) {
                    throw new IllegalStateException("Route " + id + ": no scopes for " + d.authorization());
                }
                authorization.forEach(s -> scopes.add(s.asText()));
            }
            Route.Throttle group = throttle(id, d.throttle(), extraGroups, throttleByOperation, groupLimits);
            for (OperationDeclaration.VersionedPath p : d.paths()) {
                List<Route.QueryParameter> parameters = d.particulier()
                        ? ParticulierContract.standard().parameters(p.operationId(), p.documentedId()) : List.of();
                Route route = new Route(p.operationId(), id, p.version(), p.template().template(), d.provider(),
                        d.errorPrefix(), Collections.unmodifiableSet(scopes), d.scopeTemplate(), group,
                        d.identifier(), d.document(), d.clientCertificate(), p.template().variables(), d.api(),
                        d.franceConnect(), d.masks(), parameters);
                compiled.add(new Compiled(route, p.template()));
                operations.put(p.operationId(), route);
            }
        }
        // Literal segments win over variables (".../diffusibles/{siren}" before ".../{siren}/...").
        compiled.sort(Comparator.comparingInt((Compiled c) -> c.template().literalSegments()).reversed());
        this.routes = List.copyOf(compiled);
        this.byOperation = Collections.unmodifiableMap(operations);
        this.removed = declarations.removed();
        LOG.infof("Route catalogue: %d routes, %d retired%s", routes.size(), removed.size(),
                groupLimits.isEmpty() ? "" : ", group limits overridden: " + groupLimits);
    }

    /** The route serving this path, if any. */
    public Optional<RouteMatch> match(String path) {
        for (Compiled c : routes) {
            Optional<Map<String, String>> variables = c.template().match(path);
            if (variables.isPresent()) {
                return Optional.of(new RouteMatch(c.route(), variables.get()));
            }
        }
        return Optional.empty();
    }

    public boolean isRemoved(String path) {
        return removed.stream().anyMatch(p -> p.match(path).isPresent());
    }

    public Optional<Route> byOperation(String operationId) {
        return Optional.ofNullable(byOperation.get(operationId));
    }

    public List<Route> routes() {
        return routes.stream().map(Compiled::route).toList();
    }

    private static Route.Throttle throttle(String id, String declaredGroup, Map<String, Route.Throttle> extraGroups,
                                           Map<String, Route.Throttle> byOperation, Map<String, Integer> overrides) {
        Route.Throttle group = declaredGroup != null ? extraGroups.get(declaredGroup) : byOperation.get(id);
        if (group == null && declaredGroup == null) {
            // A v4/v5-only operation (api_particulier_v4_...) shares its v3 twin's group when throttle.yml lists only the twin.
            group = byOperation.get(id.replaceFirst("_v\\d+_", "_v3_"));
        }
        if (group == null) {
            throw new IllegalStateException("Route " + id + ": no throttle group");
        }
        Integer override = overrides.get(group.group());
        return override != null && override > 0
                ? new Route.Throttle(group.group(), group.key(), override, group.periodSeconds()) : group;
    }

    private static Map<String, Route.Throttle> throttleGroups(JsonNode throttle) {
        Map<String, Route.Throttle> byOperation = new LinkedHashMap<>();
        throttle.fields().forEachRemaining(g -> {
            JsonNode group = g.getValue();
            boolean single = "by_single_endpoint".equals(group.path("throttle_type").asText());
            for (JsonNode endpoint : group.path("endpoints")) {
                String op = endpoint.asText();
                // by_single_endpoint: each operation has its own counter; otherwise the group shares one.
                String key = single ? g.getKey() + ":" + op : g.getKey();
                byOperation.put(op, new Route.Throttle(g.getKey(), key, group.path("limit").asInt(),
                        group.path("period").asInt()));
            }
        });
        return byOperation;
    }

    private static JsonNode read(ObjectMapper yaml, String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource + " on the class path");
            }
            return yaml.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable " + resource, e);
        }
    }
}
