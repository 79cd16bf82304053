package fr.guichet.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.guichet.common.error.ApiError;
import fr.guichet.gateway.catalogue.ParticulierContract;
import fr.guichet.gateway.catalogue.Route;
import fr.guichet.gateway.catalogue.RouteCatalogue;
import fr.guichet.gateway.config.PlatformUrls;
import fr.guichet.gateway.sandbox.SandboxExamples;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public API description at {@code /openapi} (shown by {@code /swagger-ui}): the official API
 * Entreprise OpenAPI reduced to the paths this gateway serves, plus Guichet's own extensions and
 * platform routes ({@code guichet/gateway/openapi-guichet.yaml}: ENSU documents, pings, file
 * downloads), made true for this platform:
 * <ul>
 *   <li>every data route and {@code /privileges} requires the bearer JWT ({@value #SECURITY_SCHEME})
 *       and lists the scopes that open it in {@code x-scopes} and in its description (the route
 *       catalogue's, i.e. authorizations.yml or the operation's scope template);</li>
 *   <li>the components of the extensions are merged, so their {@code $ref}s resolve;</li>
 *   <li>tags are the API Entreprise catalogue groups that have a served route, accent variants
 *       folded into the official name, the platform routes under {@value #PLATFORM_TAG};</li>
 *   <li>contact, error details and code samples name this platform
 *       ({@link PlatformUrls}), never API Entreprise's site;</li>
 *   <li>each served API Particulier route is the path item of the official API Particulier
 *       OpenAPI ({@link ParticulierContract}) found by its {@code x-operationId}, with its
 *       parameters, responses and tags; its components join the document's, a name that API
 *       Entreprise's components already use for something else renamed {@code Particulier<Name>}.</li>
 * </ul>
 */
@ApplicationScoped
public class OpenApiDocument {

    public static final String OFFICIAL = "guichet/reference/openapi-entreprise.yaml";
    public static final String EXTENSIONS = "guichet/gateway/openapi-guichet.yaml";
    /** The security scheme of every data route (the official document's name for it). */
    public static final String SECURITY_SCHEME = "jwt_bearer_token";
    /** Tag of the platform's own routes (privileges, pings, downloads), declared in the extensions. */
    public static final String PLATFORM_TAG = "Plateforme";
    /** Scopes opening a data route: any one suffices. */
    public static final String SCOPES_EXTENSION = "x-scopes";
    private static final String UPSTREAM = PublicLinks.UPSTREAM;
    private static final Pattern VARIABLE = Pattern.compile("\\{([a-z_]+)}");
    /** Error codes whose official details send partners to API Entreprise's pages. */
    private static final Set<String> PARTNER_GUIDANCE = Set.of("00100", "00103", "00105", "00106");

    private final RouteCatalogue catalogue;
    private final PlatformUrls urls;
    private volatile ObjectNode document;

    public OpenApiDocument(RouteCatalogue catalogue, PlatformUrls urls) {
        this.catalogue = catalogue;
        this.urls = urls;
    }

    public String json() {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(document());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String yaml() {
        try {
            return new ObjectMapper(new YAMLFactory()).writeValueAsString(document());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Built on first use: parsing the official YAML takes a moment and most replicas never need it. */
    public ObjectNode document() {
        ObjectNode d = document;
        if (d == null) {
            synchronized (this) {
                d = document;
                if (d == null) {
                    d = build();
                    document = d;
                }
            }
        }
        return d;
    }

    private ObjectNode build() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode official = (ObjectNode) read(yaml, OFFICIAL);
        JsonNode extensions = read(yaml, EXTENSIONS);
        Map<String, Route> served = new LinkedHashMap<>();
        catalogue.routes().forEach(r -> served.put(r.template(), r));
        ObjectNode paths = (ObjectNode) official.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            String path = it.next().getKey();
            if (!served.containsKey(path) && !"/privileges".equals(path)) {
                it.remove();
            }
        }
        extensions.path("paths").fields().forEachRemaining(e -> paths.set(e.getKey(), e.getValue()));
        mergeComponents(official, extensions);
        boolean particulier = particulier(official, served.values());
        fixDateTypes(official);

        paths.fields().forEachRemaining(p -> operations(p.getValue()).forEach(operation -> {
            Route route = served.get(p.getKey());
            if (route != null) {
                describeAccess(official, operation, route);
            } else if ("/privileges".equals(p.getKey())) {
                operation.set("security", bearer());
            }
            ownErrorExamples(operation, route);
            ownCodeSamples(operation);
        }));
        tags(official, extensions);
        info(official, extensions, particulier);
        SandboxExamples.apply(official);
        return official;
    }

    // --- API Particulier -----------------------------------------------------------------------

    /** Adds the path items of the served Particulier routes and their components; true when there is one. */
    private static boolean particulier(ObjectNode document, java.util.Collection<Route> routes) {
        List<Route> served = routes.stream().filter(Route::particulier).toList();
        if (served.isEmpty()) {
            return false;
        }
        ParticulierContract contract = ParticulierContract.standard();
        Map<String, String> renamed = mergeParticulierComponents(document, contract.document());
        ObjectNode paths = (ObjectNode) document.path("paths");
        for (Route route : served) {
            contract.operation(route.operationId()).ifPresent(op -> {
                JsonNode item = contract.document().path("paths").path(op.path()).deepCopy();
                rewriteRefs(item, renamed);
                paths.set(route.template(), item);
            });
        }
        return true;
    }

    /**
     * The contract's components joined to the document's: a component equal to the document's of
     * the same name is shared, a different one renamed {@code Particulier<Name>}.
     *
     * @return old reference → new reference, for the renamed ones
     */
    private static Map<String, String> mergeParticulierComponents(ObjectNode document, JsonNode contract) {
        ObjectNode components = document.with("components");
        Map<String, String> renamed = new LinkedHashMap<>();
        contract.path("components").fields().forEachRemaining(section -> {
            if ("securitySchemes".equals(section.getKey()) || !section.getValue().isObject()) {
                return; // the document's bearer scheme is the one of every route
            }
            ObjectNode target = components.with(section.getKey());
            section.getValue().fields().forEachRemaining(c -> {
                String name = c.getKey();
                if (target.has(name) && !target.get(name).equals(c.getValue())) {
                    String own = "Particulier" + name;
                    for (int i = 2; target.has(own); i++) {
                        own = "Particulier" + name + i;
                    }
                    renamed.put("#/components/" + section.getKey() + "/" + name, "#/components/" + section.getKey() + "/" + own);
                    name = own;
                }
                target.set(name, c.getValue().deepCopy());
            });
        });
        if (!renamed.isEmpty()) {
            renamed.values().forEach(ref -> rewriteRefs(document.at(ref.substring(1)), renamed));
        }
        return renamed;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renamed) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && renamed.containsKey(ref.asText())) {
                object.put("$ref", renamed.get(ref.asText()));
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renamed));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteRefs(child, renamed));
        }
    }

    // --- security and scopes -------------------------------------------------------------------

    private static ArrayNode bearer() {
        ArrayNode security = JsonNodeFactory.instance.arrayNode();
        security.addObject().putArray(SECURITY_SCHEME);
        return security;
    }

    /** Security, {@code x-scopes} and one sentence naming them, from the route catalogue. */
    private static void describeAccess(ObjectNode document, ObjectNode operation, Route route) {
        operation.set("security", bearer());
        List<String> scopes = scopes(document, operation, route);
        ArrayNode list = operation.putArray(SCOPES_EXTENSION);
        scopes.forEach(list::add);
        String sentence;
        if (route.scopeTemplate() != null) {
            sentence = "**Portées** : celle de la valeur demandée de " + String.join(", ", variables(route.scopeTemplate()).stream()
                    .map(v -> "`" + v + "`").toList()) + " — " + code(scopes) + ".";
        } else if (scopes.isEmpty()) {
            sentence = "**Portées** : aucune portée particulière, tout jeton valide ouvre cette route.";
        } else {
            sentence = "**Portées** (une seule suffit) : " + code(scopes) + ".";
        }
        if (!scopes.isEmpty()) {
            sentence += " Un jeton qui n'en porte aucune reçoit un 403 `00100` dont `meta.missing_scopes` les liste.";
        }
        String description = operation.path("description").asText("");
        operation.put("description", description.isBlank() ? sentence : description.stripTrailing() + "\n\n" + sentence);
    }

    /**
     * The route's scopes; for a scope template ({@code ensu_documents_{famille}_dgfip}), one scope
     * per value the path parameter's schema enumerates.
     */
    private static List<String> scopes(JsonNode document, JsonNode operation, Route route) {
        if (route.scopeTemplate() == null) {
            return List.copyOf(new TreeSet<>(route.scopes()));
        }
        List<String> scopes = new ArrayList<>(List.of(route.scopeTemplate()));
        for (String variable : variables(route.scopeTemplate())) {
            List<String> values = enumOf(document, operation, variable);
            List<String> expanded = new ArrayList<>();
            for (String scope : scopes) {
                if (values.isEmpty()) {
                    expanded.add(scope);
                }
                values.forEach(v -> expanded.add(scope.replace("{" + variable + "}", v)));
            }
            scopes = expanded;
        }
        return scopes;
    }

    private static List<String> variables(String template) {
        List<String> names = new ArrayList<>();
        Matcher m = VARIABLE.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static List<String> enumOf(JsonNode document, JsonNode operation, String parameterName) {
        List<String> values = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode p = parameter.has("$ref") ? pointer(document, parameter.get("$ref").asText()) : parameter;
            if (parameterName.equals(p.path("name").asText())) {
                p.path("schema").path("enum").forEach(v -> values.add(v.asText()));
            }
        }
        return values;
    }

    private static String code(List<String> scopes) {
        return String.join(", ", scopes.stream().map(s -> "`" + s + "`").toList());
    }

    // --- errors and samples that name this platform --------------------------------------------

    /** The official error examples of 00100/00103/00105/00106 replaced by what this gateway answers. */
    private void ownErrorExamples(ObjectNode operation, Route route) {
        operation.path("responses").forEach(response -> response.path("content").forEach(media ->
                media.path("examples").forEach(example -> {
                    JsonNode errors = example.path("value").path("errors");
                    for (JsonNode error : errors) {
                        String code = error.path("code").asText();
                        if (!PARTNER_GUIDANCE.contains(code) || !(error instanceof ObjectNode e)) {
                            continue;
                        }
                        ApiError own = ownError(code, route);
                        e.put("detail", own.detail());
                        e.set("meta", new ObjectMapper().valueToTree(own.meta()));
                        if (example instanceof ObjectNode ex && ex.has("description")) {
                            ex.put("description", own.detail());
                        }
                    }
                })));
    }

    private ApiError ownError(String code, Route route) {
        return switch (code) {
            case "00100" -> Errors.missingScope(urls, route == null ? Set.of() : route.scopeTemplate() != null
                    ? Set.of(route.scopeTemplate()) : route.scopes()).errors().get(0);
            case "00103" -> Errors.expiredToken(urls).errors().get(0);
            case "00105" -> Errors.revokedToken(urls).errors().get(0);
            default -> Errors.unknownToken(urls).errors().get(0);
        };
    }

    /** Code samples call this gateway (its public base URL, else {@code $GUICHET_URL}). */
    private void ownCodeSamples(ObjectNode operation) {
        for (JsonNode sample : operation.path("x-codeSamples")) {
            if (sample instanceof ObjectNode s && s.path("source").isTextual()) {
                s.put("source", s.get("source").asText().replace(UPSTREAM + "/api/", origin() + "/")
                        .replace(UPSTREAM, origin()));
            }
        }
    }

    private String origin() {
        return urls.base().isEmpty() ? "$GUICHET_URL" : urls.base();
    }

    // --- document structure --------------------------------------------------------------------

    /** Every components section of the extensions (schemas, parameters...) joins the document's. */
    private static void mergeComponents(ObjectNode official, JsonNode extensions) {
        ObjectNode components = official.with("components");
        extensions.path("components").fields().forEachRemaining(section -> {
            if (section.getValue().isObject()) {
                components.with(section.getKey()).setAll((ObjectNode) section.getValue());
            }
        });
    }

    /** The official document types a few dates {@code date}, not an OpenAPI type: string + format. */
    private static void fixDateTypes(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if ("date".equals(object.path("type").asText(null)) && object.path("type").isTextual()) {
                object.put("type", "string");
                object.put("format", "date");
            }
            object.elements().forEachRemaining(OpenApiDocument::fixDateTypes);
        } else if (node instanceof ArrayNode array) {
            array.forEach(OpenApiDocument::fixDateTypes);
        }
    }

    /**
     * Tags: each operation's folded to the declared name that differs only by accents or case
     * ("Informations generales" → "Informations générales"); untagged operations (the official
     * {@code /privileges}) under {@value #PLATFORM_TAG}; the document's list holds exactly the
     * tags in use, official order first, so Swagger UI shows no empty and no "default" group.
     */
    private static void tags(ObjectNode document, JsonNode extensions) {
        Map<String, JsonNode> declared = new LinkedHashMap<>();
        for (JsonNode source : List.of(document.path("tags"), extensions.path("tags"))) {
            source.forEach(t -> declared.putIfAbsent(t.path("name").asText(), t));
        }
        Map<String, String> canonical = new LinkedHashMap<>();
        declared.keySet().forEach(name -> canonical.putIfAbsent(fold(name), name));
        Set<String> used = new LinkedHashSet<>();
        document.path("paths").forEach(item -> operations(item).forEach(operation -> {
            Set<String> names = new LinkedHashSet<>();
            operation.path("tags").forEach(t -> names.add(canonical.computeIfAbsent(fold(t.asText()), k -> t.asText())));
            if (names.isEmpty()) {
                names.add(PLATFORM_TAG);
            }
            ArrayNode tags = operation.putArray("tags");
            names.forEach(tags::add);
            used.addAll(names);
        }));
        ArrayNode list = document.putArray("tags");
        declared.forEach((name, tag) -> {
            if (used.remove(name)) {
                list.add(tag);
            }
        });
        used.forEach(name -> list.addObject().put("name", name));
    }

    private static String fold(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).strip();
    }

    private void info(ObjectNode document, JsonNode extensions, boolean particulier) {
        ObjectNode info = document.with("info");
        info.put("title", particulier ? "Guichet — API Entreprise et API Particulier" : "Guichet — API Entreprise");
        info.put("description", extensions.path("info").path("description").asText(info.path("description").asText()));
        // API Entreprise's terms of service and support are not this platform's.
        info.remove("termsOfService");
        ObjectNode contact = info.putObject("contact");
        contact.put("name", urls.supportName());
        contact.put("url", urls.supportUrl());
        urls.supportEmail().ifPresent(email -> contact.put("email", email));
        document.remove("servers");
        if (!urls.base().isEmpty()) {
            document.putArray("servers").addObject().put("url", urls.base());
        }
        JsonNode scheme = document.path("components").path("securitySchemes").path(SECURITY_SCHEME);
        if (scheme instanceof ObjectNode s) {
            s.put("description", "Votre jeton se place dans l'en-tête `Authorization: Bearer VOTRE_JWT` "
                    + "(ou l'en-tête `X-Api-Key`, ou le paramètre `token`) ; un jeton d'API vaut 18 mois au plus. "
                    + "Un jeton ouvre les routes de son API (API Entreprise ou API Particulier) ; sur une route FranceConnect "
                    + "d'API Particulier, le Bearer est le jeton FranceConnect de l'usager.\n\n"
                    + "    Exemple cURL (vos privilèges) :\n\n"
                    + "        curl -H \"Authorization: Bearer $token\" \"" + origin() + "/privileges\"");
        }
    }

    /** The operations (get, post...) of a path item. */
    private static List<ObjectNode> operations(JsonNode pathItem) {
        List<ObjectNode> operations = new ArrayList<>();
        pathItem.fields().forEachRemaining(f -> {
            if (!"parameters".equals(f.getKey()) && f.getValue() instanceof ObjectNode o) {
                operations.add(o);
            }
        });
        return operations;
    }

    private static JsonNode pointer(JsonNode document, String ref) {
        return ref.startsWith("#") ? document.at(ref.substring(1)) : TextNode.valueOf(ref);
    }

    private static JsonNode read(ObjectMapper yaml, String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return yaml.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
