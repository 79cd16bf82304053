package fr.guichet.token.request.service;

import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.common.operation.OperationDeclarations;
import fr.guichet.common.resource.ClassPathFiles;
import fr.guichet.token.habilitation.ApiKind;
import fr.guichet.token.scope.ScopeCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The scopes a partner may ask for in a request for a new démarche, grouped by data provider,
 * each with what it gives, in French. Nothing here is written by hand: the operations Guichet
 * serves come from {@code guichet/operations/*.yml} ({@link OperationDeclarations}: provider,
 * provider name, summary), the scopes that open each from the reference
 * {@code guichet/reference/authorizations.yml} (and Guichet's own
 * {@code guichet/token/scopes-extension.yml} for the per-family ENSU scopes), and the summary of
 * an operation that declares none from the reference OpenAPI documents. A scope is offered only
 * when {@link ScopeCatalogue} accepts it for the API kind (the same check as the request's), so
 * the form never offers what the validation refuses. A scope that opens operations of several
 * providers ({@code open_data}) is listed under each of them.
 */
@ApplicationScoped
public class RequestCatalogue {

    static final String AUTHORIZATIONS = "guichet/reference/authorizations.yml";
    static final String EXTENSION = "guichet/token/scopes-extension.yml";
    static final List<String> OPENAPI = List.of("guichet/reference/openapi-entreprise.yaml",
            "guichet/reference/openapi-particulier.yaml");
    /** A path of an OpenAPI document ({@code   "/v3/...":} or {@code   /v3/...:}) and the summary below it. */
    private static final Pattern OPENAPI_PATH = Pattern.compile("^  \"?(/[^\"]+?)\"?:\\s*$");
    private static final Pattern OPENAPI_SUMMARY = Pattern.compile("^      summary:\\s*(.+?)\\s*$");
    /** The way some summaries name how the person is identified ({@code [identité] }), redundant in a scope label. */
    private static final Pattern SUMMARY_QUALIFIER = Pattern.compile("^\\[[^]]+]\\s*");

    /** One scope and what it gives (the summaries of the operations it opens). */
    public record ScopeEntry(String scope, String label) {
    }

    /** A data provider ({@code insee}), its name ({@code INSEE}) and the scopes of its operations. */
    public record ProviderEntry(String provider, String label, List<ScopeEntry> scopes) {
    }

    @Inject
    ScopeCatalogue scopes;

    private volatile Map<ApiKind, List<ProviderEntry>> built;

    /** The providers of {@code kind}, by name, each with its scopes in alphabetical order. */
    public List<ProviderEntry> providers(ApiKind kind) {
        Map<ApiKind, List<ProviderEntry>> b = built;
        if (b == null) {
            synchronized (this) {
                if (built == null) {
                    built = build(OperationDeclarations.standard().all());
                }
                b = built;
            }
        }
        return b.get(kind);
    }

    Map<ApiKind, List<ProviderEntry>> build(List<OperationDeclaration> operations) {
        Map<String, Object> authorizations = section(yaml(AUTHORIZATIONS), "shared");
        Map<String, Object> extension = yaml(EXTENSION);
        Map<String, String> summaries = openApiSummaries();
        Map<ApiKind, Map<String, String>> providerNames = new EnumMap<>(ApiKind.class);
        Map<ApiKind, Map<String, Map<String, Set<String>>>> labels = new EnumMap<>(ApiKind.class);
        for (OperationDeclaration op : operations) {
            ApiKind kind = op.particulier() ? ApiKind.PARTICULIER : ApiKind.ENTREPRISE;
            String provider = op.errorPrefix().name().toLowerCase(java.util.Locale.ROOT);
            String summary = op.summary() != null ? op.summary()
                    : summaries.getOrDefault(op.paths().get(0).template().template(), op.id());
            summary = SUMMARY_QUALIFIER.matcher(summary).replaceFirst("");
            Map<String, String> scopeLabels = new LinkedHashMap<>();
            if (op.authorization() != null && authorizations.get(op.authorization()) instanceof List<?> list) {
                list.forEach(s -> scopeLabels.put(String.valueOf(s), null));
            }
            if (op.scopeTemplate() != null) {
                scopeLabels.putAll(templateScopes(op.scopeTemplate(), extension.get(kind.wire())));
            }
            for (Map.Entry<String, String> scope : scopeLabels.entrySet()) {
                if (!scopes.knows(kind, scope.getKey())) {
                    continue;
                }
                providerNames.computeIfAbsent(kind, k -> new HashMap<>()).putIfAbsent(provider, op.providerName());
                labels.computeIfAbsent(kind, k -> new HashMap<>()).computeIfAbsent(provider, p -> new TreeMap<>())
                        .computeIfAbsent(scope.getKey(), s -> new LinkedHashSet<>())
                        .add(scope.getValue() != null ? scope.getValue() : summary);
            }
        }
        Map<ApiKind, List<ProviderEntry>> result = new EnumMap<>(ApiKind.class);
        for (ApiKind kind : ApiKind.values()) {
            List<ProviderEntry> providers = new ArrayList<>();
            labels.getOrDefault(kind, Map.of()).forEach((provider, byScope) -> providers.add(new ProviderEntry(provider,
                    providerNames.get(kind).get(provider),
                    byScope.entrySet().stream().map(e -> new ScopeEntry(e.getKey(), String.join(" ; ", e.getValue())))
                            .toList())));
            providers.sort(Comparator.comparing(ProviderEntry::label, String.CASE_INSENSITIVE_ORDER));
            result.put(kind, List.copyOf(providers));
        }
        return result;
    }

    /**
     * The scopes of the extension catalogue that a scope template ({@code ensu_documents_{famille}_dgfip})
     * produces, each labelled with the value of its variable ({@code famille « declaratives »}).
     */
    static Map<String, String> templateScopes(String template, Object extensionOfKind) {
        Map<String, String> result = new LinkedHashMap<>();
        if (!(extensionOfKind instanceof Map<?, ?> operations)) {
            return result;
        }
        Matcher variable = Pattern.compile("\\{([a-z_]+)}").matcher(template);
        if (!variable.find()) {
            return result;
        }
        String name = variable.group(1);
        Pattern pattern = Pattern.compile(Pattern.quote(template.substring(0, variable.start())) + "(.+)"
                + Pattern.quote(template.substring(variable.end())));
        for (Object listed : operations.values()) {
            if (listed instanceof List<?> list) {
                for (Object scope : list) {
                    Matcher m = pattern.matcher(String.valueOf(scope));
                    if (m.matches()) {
                        result.put(m.group(0), "Documents de la " + name + " « " + m.group(1).replace('_', ' ') + " »");
                    }
                }
            }
        }
        return result;
    }

    /** Path template → summary of its GET, read line by line from the reference OpenAPI documents. */
    static Map<String, String> openApiSummaries() {
        Map<String, String> result = new HashMap<>();
        for (String resource : OPENAPI) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(ClassPathFiles.open(resource),
                    StandardCharsets.UTF_8))) {
                String path = null;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    Matcher p = OPENAPI_PATH.matcher(line);
                    if (p.matches()) {
                        path = p.group(1);
                        continue;
                    }
                    Matcher s = OPENAPI_SUMMARY.matcher(line);
                    if (path != null && s.matches()) {
                        result.putIfAbsent(path, s.group(1).replaceAll("^['\"]|['\"]$", ""));
                        path = null;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Unreadable " + resource, e);
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> root, String key) {
        return root.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Map<String, Object> yaml(String resource) {
        try (InputStream in = ClassPathFiles.open(resource)) {
            Map<String, Object> root = new Yaml().load(in);
            return root == null ? Map.of() : root;
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable " + resource, e);
        }
    }
}
