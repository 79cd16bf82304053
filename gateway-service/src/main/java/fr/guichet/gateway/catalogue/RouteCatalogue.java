package fr.guichet.gateway.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.guichet.common.error.ProviderPrefix;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The routes the gateway serves, read from data: {@code guichet/gateway/routes.yml} (paths,
 * providers), {@code guichet/reference/authorizations.yml} (scopes) and
 * {@code guichet/reference/throttle.yml} (quotas). Nothing about a route is hard-coded.
 */
@Singleton
@Startup
public class RouteCatalogue {

    public static final String ROUTES = "guichet/gateway/routes.yml";
    public static final String AUTHORIZATIONS = "guichet/reference/authorizations.yml";
    public static final String THROTTLE = "guichet/reference/throttle.yml";
    public static final Set<String> VERSIONS = Set.of("v3", "v4");

    private static final Logger LOG = Logger.getLogger(RouteCatalogue.class);
    private static final Pattern VARIABLE = Pattern.compile("\\{([a-z_]+)}");

    private final List<Compiled> routes;
    private final List<Pattern> removed;
    private final Map<String, Route> byOperation;

    private record Compiled(Route route, Pattern pattern, int literalSegments) {
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
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode catalogue = read(yaml, ROUTES);
        JsonNode authorizations = read(yaml, AUTHORIZATIONS).path("shared");
        JsonNode throttle = read(yaml, THROTTLE).path("shared");
        Map<String, Route.Throttle> throttleByOperation = throttleGroups(throttle);
        Map<String, Route.Throttle> extraGroups = new LinkedHashMap<>();
        catalogue.path("extra_throttle_groups").fields().forEachRemaining(g -> extraGroups.put(g.getKey(),
                new Route.Throttle(g.getKey(), g.getKey(), g.getValue().path("limit").asInt(),
                        g.getValue().path("period").asInt())));

        List<Compiled> compiled = new ArrayList<>();
        Map<String, Route> operations = new LinkedHashMap<>();
        for (JsonNode r : catalogue.path("routes")) {
            String id = r.path("id").asText();
            Set<String> scopes = new LinkedHashSet<>();
            String scopeTemplate = r.hasNonNull("scope_template") ? r.get("scope_template").asText() : null;
            if (scopeTemplate == null) {
                JsonNode authorization = authorizations.path(r.path("authorization").asText());
                if (!authorization.isArray() || authorization.isEmpty()) {
                    throw new IllegalStateException("Route " + id + ": no scopes for " + r.path("authorization").asText());
                }
                authorization.forEach(s -> scopes.add(s.asText()));
            }
            Route.Throttle group = throttle(id, r, extraGroups, throttleByOperation, groupLimits);
            ProviderPrefix prefix = ProviderPrefix.valueOf(r.path("error_prefix").asText());
            r.path("paths").fields().forEachRemaining(p -> {
                String version = p.getKey();
                String template = p.getValue().asText();
                String operationId = version.equals("v3") ? id
                        : r.hasNonNull(version + "_id") ? r.get(version + "_id").asText() : id.replace("_v3_", "_" + version + "_");
                List<String> variables = new ArrayList<>();
                Matcher m = VARIABLE.matcher(template);
                while (m.find()) {
                    variables.add(m.group(1));
                }
                Route route = new Route(operationId, id, version, template, r.path("provider").asText(), prefix,
                        Collections.unmodifiableSet(scopes), scopeTemplate, group, r.path("identifier").asText(),
                        r.path("document").asBoolean(false), r.path("client_certificate").asBoolean(false),
                        List.copyOf(variables));
                compiled.add(new Compiled(route, compile(template), literalSegments(template)));
                operations.put(operationId, route);
            });
        }
        // Literal segments win over variables (".../diffusibles/{siren}" before ".../{siren}/...").
        compiled.sort(Comparator.comparingInt(Compiled::literalSegments).reversed());
        this.routes = List.copyOf(compiled);
        this.byOperation = Collections.unmodifiableMap(operations);
        List<Pattern> gone = new ArrayList<>();
        catalogue.path("removed").forEach(p -> gone.add(compile(p.asText())));
        this.removed = List.copyOf(gone);
        LOG.infof("Route catalogue: %d routes, %d retired%s", routes.size(), removed.size(),
                groupLimits.isEmpty() ? "" : ", group limits overridden: " + groupLimits);
    }

    /** The route serving this path, if any. */
    public Optional<RouteMatch> match(String path) {
        for (Compiled c : routes) {
            Matcher m = c.pattern().matcher(path);
            if (m.matches()) {
                Map<String, String> variables = new LinkedHashMap<>();
                for (String name : c.route().variables()) {
                    variables.put(name, m.group(name.replace("_", "")));
                }
                return Optional.of(new RouteMatch(c.route(), variables));
            }
        }
        return Optional.empty();
    }

    public boolean isRemoved(String path) {
        return removed.stream().anyMatch(p -> p.matcher(path).matches());
    }

    public Optional<Route> byOperation(String operationId) {
        return Optional.ofNullable(byOperation.get(operationId));
    }

    public List<Route> routes() {
        return routes.stream().map(Compiled::route).toList();
    }

    private static Route.Throttle throttle(String id, JsonNode r, Map<String, Route.Throttle> extraGroups,
                                           Map<String, Route.Throttle> byOperation, Map<String, Integer> overrides) {
        Route.Throttle group = r.hasNonNull("throttle") ? extraGroups.get(r.get("throttle").asText()) : byOperation.get(id);
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

    private static Pattern compile(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher m = VARIABLE.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            regex.append("(?<").append(m.group(1).replace("_", "")).append(">[^/]+)");
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        // Named groups cannot hold "_": matched variables are read back by their stripped name.
        return Pattern.compile(regex.toString());
    }

    private static int literalSegments(String template) {
        int n = 0;
        for (String segment : template.split("/")) {
            if (!segment.isEmpty() && !segment.startsWith("{")) {
                n++;
            }
        }
        return n;
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
