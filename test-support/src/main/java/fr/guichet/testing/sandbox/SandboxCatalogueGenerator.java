package fr.guichet.testing.sandbox;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.identifier.Eori;
import fr.guichet.common.identifier.RnaId;
import fr.guichet.common.identifier.Siren;
import fr.guichet.common.identifier.Siret;
import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.common.operation.OperationDeclarations;
import fr.guichet.common.resource.ClassPathFiles;
import fr.guichet.common.sandbox.SandboxCase;
import fr.guichet.common.sandbox.SandboxCases;
import fr.guichet.common.sandbox.SandboxCatalogue;
import fr.guichet.testing.ServiceCatalog;
import fr.guichet.testing.contract.ParticulierContract;
import fr.guichet.testing.particulier.ParticulierSandbox;
import fr.guichet.testing.particulier.ParticulierSandbox.FranceConnectToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Writes the published sandbox catalogue ({@link SandboxCatalogue}) from what the sandbox really
 * answers: every provider module of {@code services.yml}, its sandbox cases (the roots of its
 * {@code guichet.provider.sandbox-roots}, as the built service loads them) and common's operation
 * declarations. Run {@code bin/sandbox-catalogue} to rewrite {@value SandboxCatalogue#RESOURCE}
 * (module {@code common}) and {@value #MARKDOWN}; {@code SandboxCatalogueSyncTest} fails when they
 * are not what this class generates.
 *
 * <p>What is published, and why:
 * <ul>
 *   <li>one version per operation, the newest that has cases: an older version's route is
 *       deprecated in the official OpenAPI, and its cases would only repeat the newer ones;</li>
 *   <li>only the cases a partner can reach through the gateway: not those whose identifier fails
 *       the gateway's check (a 422 before any provider is called), nor the operations that need a
 *       client certificate (ENSU), nor a case another one with the same parameters shadows (the
 *       later one answers, see {@code SandboxMatcher});</li>
 *   <li>each case's path with its path parameters filled in, and its other parameters as query;</li>
 *   <li>API Particulier: a civility case only when the route declares each of its parameters and
 *       it gives every required one (else the gateway answers 422); array parameters by their wire
 *       name ({@code prenoms[]}) in {@code query_lists}; on a FranceConnect route, no identity in the
 *       query but the fictitious FranceConnect token whose identity the case answers
 *       ({@link ParticulierSandbox#tokenFor}), and only the cases such a token reaches.</li>
 * </ul>
 */
public final class SandboxCatalogueGenerator {

    /** The generated Markdown page, relative to the repository root. */
    public static final String MARKDOWN = "docs/sandbox-catalogue.md";
    /** The generated JSON resource, relative to the repository root. */
    public static final String JSON_FILE = "common/src/main/resources/" + SandboxCatalogue.RESOURCE;
    /** The command that rewrites both files, named in the sync test's failure message. */
    public static final String COMMAND = "bin/sandbox-catalogue";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OFFICIAL_OPENAPI = "guichet/reference/openapi-entreprise.yaml";
    private static final String AUTHORIZATIONS = "guichet/reference/authorizations.yml";
    private static final ObjectMapper YAML = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
    /** Fields that tell what a success gives, most telling first. */
    private static final List<String> SALIENT = List.of("raison_sociale", "denomination", "nom", "titre", "libelle", "numero_voie",
            "chiffre_affaires", "effectifs_annuel", "effectifs_mensuels", "tva_number", "status", "eligible",
            "entity_status", "numero_certificat", "numero", "nom_certificat", "modalite_exercice", "rna_id",
            "obligations_fiscales", "capital", "annee", "actes", "declarations_activites_etablissement", "demande_subvention",
            "type", "document_url", "url");
    /** The same for API Particulier's bodies: the answer to the question the operation asks. */
    private static final List<String> SALIENT_PARTICULIER = List.of("valeur", "est_beneficiaire", "est_boursier",
            "est_inscrit", "statut", "statut_inscription", "est_sportif_de_haut_niveau", "numero_immatriculation", "echelon",
            "contrats", "identifiant");

    private SandboxCatalogueGenerator() {
    }

    /** Rewrites both files of the repository at {@code args[0]} (default: found upwards from here). */
    public static void main(String[] args) throws IOException {
        Path root = args.length > 0 ? Path.of(args[0]) : ServiceCatalog.repositoryRoot();
        write(root);
        System.out.println("Wrote " + root.resolve(JSON_FILE) + " and " + root.resolve(MARKDOWN));
    }

    /** Writes the JSON resource and the Markdown page generated from {@code root}. */
    public static void write(Path root) throws IOException {
        SandboxCatalogue catalogue = generate(root);
        Files.writeString(root.resolve(JSON_FILE), json(catalogue), StandardCharsets.UTF_8);
        Files.writeString(root.resolve(MARKDOWN), markdown(catalogue), StandardCharsets.UTF_8);
    }

    /** The catalogue of the repository at {@code root}, in declaration order. */
    public static SandboxCatalogue generate(Path root) throws IOException {
        ServiceCatalog services = ServiceCatalog.read(root.resolve("services.yml"));
        Map<String, String> modules = new LinkedHashMap<>();
        services.providers().forEach(p -> modules.put(p.provider(), p.module()));
        Map<String, Map<String, List<SandboxCase>>> casesByModule = new LinkedHashMap<>();
        JsonNode official = YAML.readTree(ClassPathFiles.open(OFFICIAL_OPENAPI));
        JsonNode particulier = YAML.readTree(ClassPathFiles.open(ParticulierContract.SPEC));
        JsonNode authorizations = YAML.readTree(ClassPathFiles.open(AUTHORIZATIONS));
        List<FranceConnectToken> franceConnectTokens = ParticulierSandbox.franceConnectTokens(root);
        List<SandboxCatalogue.Operation> operations = new ArrayList<>();
        for (OperationDeclaration d : OperationDeclarations.standard().all()) {
            String module = modules.get(d.provider());
            if (module == null || d.clientCertificate()) {
                continue;
            }
            Map<String, List<SandboxCase>> byOperation = casesByModule.computeIfAbsent(module, m -> sandboxCases(root, m));
            Optional<OperationDeclaration.VersionedPath> newest = d.paths().stream()
                    .filter(p -> byOperation.containsKey(p.operationId()))
                    .reduce((older, newer) -> newer);
            if (newest.isEmpty()) {
                continue;
            }
            OperationDeclaration.VersionedPath path = newest.get();
            List<SandboxCatalogue.Entry> entries = new ArrayList<>();
            boolean isParticulier = ParticulierSandbox.isParticulier(path.operationId());
            Path resources = root.resolve(module).resolve("src/main/resources");
            Set<String> named = new java.util.HashSet<>();
            byOperation.get(path.operationId()).forEach(c -> named.addAll(c.values().keySet()));
            for (SandboxCase c : answering(byOperation.get(path.operationId()))) {
                if (isParticulier) {
                    particulierEntry(path, c, ParticulierSandbox.typedParams(resources, c), named, franceConnectTokens,
                            scopes(authorizations, d)).ifPresent(entries::add);
                } else if (identifierPasses(d, c)) {
                    entries.add(entry(path, c));
                }
            }
            if (!entries.isEmpty()) {
                operations.add(new SandboxCatalogue.Operation(path.operationId(), d.provider(),
                        title(d, path, isParticulier ? particulier : official), entries));
            }
        }
        return new SandboxCatalogue(List.copyOf(operations));
    }

    /** The catalogue as committed: two-space indented JSON, one field a line, ending with a newline. */
    public static String json(SandboxCatalogue catalogue) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(printer).writeValueAsString(catalogue) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The catalogue as a Markdown page: a table per operation, grouped by provider. */
    public static String markdown(SandboxCatalogue catalogue) {
        StringBuilder md = new StringBuilder();
        md.append("# Catalogue du bac à sable\n\n")
                .append("<!-- Généré par ").append(COMMAND).append(" depuis les cas du bac à sable des fournisseurs : ne pas modifier à la main. -->\n\n")
                .append("Chaque ligne est un appel auquel le bac à sable répond, et ce qu'il donne. La même liste est servie\n")
                .append("en JSON par la passerelle sur `GET /sandbox` (et `GET /sandbox/{operation_id}`), sans jeton.\n")
                .append("Ajoutez à chaque appel les paramètres obligatoires `context`, `object` et `recipient` (le SIRET\n")
                .append("de votre organisation) et un jeton portant un des scopes de l'opération, par exemple :\n\n")
                .append("```bash\ncurl -sS -H \"Authorization: Bearer $TOKEN\" \\\n")
                .append("  \"http://127.0.0.1:8080/v4/insee/sirene/unites_legales/552049447?context=Test&object=Demo&recipient=13002526500013\"\n```\n\n")
                .append("Tout autre identifiant reçoit la réponse 404 de l'opération.\n\n")
                .append("API Particulier (opérations `api_particulier_...`) : seul `recipient` s'ajoute, avec un jeton\n")
                .append("d'habilitation API Particulier ; un paramètre `prenoms[]` se répète, une fois par prénom. Sur une route\n")
                .append("FranceConnect (`.../france_connect`), le jeton envoyé est le jeton FranceConnect fictif indiqué\n")
                .append("(l'identité vient de lui), par exemple :\n\n")
                .append("```bash\ncurl -sS -H \"Authorization: Bearer all_fc\" \\\n")
                .append("  \"http://127.0.0.1:8080/v3/mesri/statut_etudiant/france_connect?recipient=13002526500013\"\n```\n");
        String provider = null;
        for (SandboxCatalogue.Operation o : catalogue.operations()) {
            if (!o.provider().equals(provider)) {
                provider = o.provider();
                md.append("\n## ").append(provider).append('\n');
            }
            md.append("\n### ").append(o.title()).append("\n\n`").append(o.operationId()).append("`\n\n")
                    .append("| chemin | paramètres | statut | ce qu'il donne |\n| --- | --- | --- | --- |\n");
            for (SandboxCatalogue.Entry e : o.cases()) {
                StringBuilder query = new StringBuilder();
                e.query().forEach((k, v) -> query.append(query.isEmpty() ? "" : ", ").append('`').append(k).append('=').append(v).append('`'));
                e.queryLists().forEach((k, values) -> values.forEach(v ->
                        query.append(query.isEmpty() ? "" : ", ").append('`').append(k).append('=').append(v).append('`')));
                if (e.franceConnectToken() != null) {
                    query.append(query.isEmpty() ? "" : ", ").append("jeton FranceConnect `").append(e.franceConnectToken()).append('`');
                }
                md.append("| `").append(e.path()).append("` | ").append(query)
                        .append(" | ").append(e.status()).append(" | ").append(e.summary().replace("|", "\\|")).append(" |\n");
            }
        }
        return md.toString();
    }

    /**
     * The provider module's sandbox cases by operation id, read from its sources as the built
     * service reads them from its class path: the roots of its {@code guichet.provider.sandbox-roots}
     * (default {@code sandbox/}), each with its {@code index.txt}, in load order. Each case's file
     * is named with its root, since two roots may hold a file of the same name.
     */
    public static Map<String, List<SandboxCase>> sandboxCases(Path root, String module) {
        Path resources = root.resolve(module).resolve("src/main/resources");
        Properties properties = new Properties();
        Map<String, List<SandboxCase>> result = new LinkedHashMap<>();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (InputStream in = Files.newInputStream(resources.resolve("application.properties"));
             URLClassLoader loader = new URLClassLoader(new URL[] {resources.toUri().toURL()}, null)) {
            properties.load(in);
            thread.setContextClassLoader(loader);
            for (String r : properties.getProperty("guichet.provider.sandbox-roots", "sandbox/").split(",")) {
                String folder = r.trim().endsWith("/") ? r.trim() : r.trim() + "/";
                for (SandboxCase c : SandboxCases.load(folder)) {
                    result.computeIfAbsent(c.operationId(), k -> new ArrayList<>()).add(new SandboxCase(folder + c.file(),
                            c.operationId(), c.params(), c.values(), c.status(), c.payload()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable sandbox of " + module, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
        return result;
    }

    /**
     * The gateway's identifier check: SIREN and SIRET must pass Luhn (La Poste's SIRETs their own
     * rule), RNA identifiers and EORI numbers their format; a route taking several accepts any.
     * A case that fails it is answered 422 by the gateway, never by the sandbox.
     */
    public static boolean identifierPasses(OperationDeclaration d, SandboxCase c) {
        String value = c.params().get(d.identifier());
        if (d.identifier() == null) {
            return true;
        }
        return switch (d.identifier()) {
            case "siren" -> Siren.isValid(value);
            case "siret" -> Siret.isValid(value);
            case "siret_or_rna" -> Siret.isValid(value) || RnaId.isValid(value);
            case "siren_or_rna" -> Siren.isValid(value) || RnaId.isValid(value);
            case "siren_or_siret_or_rna" -> Siren.isValid(value) || Siret.isValid(value) || RnaId.isValid(value);
            case "siret_or_eori" -> Siret.isValid(value) || Eori.isValid(value);
            default -> true;
        };
    }

    /** The cases that answer: of several with the same parameters, the last one listed wins. */
    private static List<SandboxCase> answering(List<SandboxCase> cases) {
        Map<Map<String, List<String>>, SandboxCase> byParams = new LinkedHashMap<>();
        for (SandboxCase c : cases) {
            byParams.remove(c.values());
            byParams.put(c.values(), c);
        }
        return List.copyOf(byParams.values());
    }

    private static SandboxCatalogue.Entry entry(OperationDeclaration.VersionedPath path, SandboxCase c) {
        Map<String, String> query = new LinkedHashMap<>();
        c.params().keySet().stream().sorted().filter(k -> !path.template().variables().contains(k))
                .forEach(k -> query.put(k, c.params().get(k)));
        String name = c.file().substring(c.file().lastIndexOf('/') + 1).replaceFirst("\\.ya?ml$", "");
        return new SandboxCatalogue.Entry(name, c.status(), "GET", path.template().expand(c.params()), query,
                summary(name, c));
    }

    /**
     * An API Particulier case as a partner asks it, if a partner can: see the class comment. The
     * tokens are the sandbox's fictitious FranceConnect tokens; {@code named} every parameter the
     * operation's cases name.
     */
    static Optional<SandboxCatalogue.Entry> particulierEntry(OperationDeclaration.VersionedPath path, SandboxCase c,
                                                             JsonNode typedParams, Set<String> named,
                                                             List<FranceConnectToken> tokens, List<String> scopes) {
        String id = path.operationId();
        String franceConnectToken = null;
        if (ParticulierSandbox.isFranceConnect(id)) {
            Optional<FranceConnectToken> token = ParticulierSandbox.tokenFor(id, typedParams, named, tokens, scopes);
            if (token.isEmpty()) {
                return Optional.empty();
            }
            franceConnectToken = token.get().name();
        } else if (!ParticulierSandbox.reachable(id, typedParams)) {
            return Optional.empty();
        }
        Map<String, String> query = new java.util.TreeMap<>();
        Map<String, List<String>> lists = new java.util.TreeMap<>();
        ParticulierSandbox.query(id, c).forEach((name, values) -> {
            if (name.endsWith("[]")) {
                lists.put(name, values);
            } else {
                query.put(name, String.join(",", values));
            }
        });
        String name = c.file().substring(c.file().lastIndexOf('/') + 1).replaceFirst("\\.ya?ml$", "");
        return Optional.of(new SandboxCatalogue.Entry(name, c.status(), "GET", path.template().expand(c.params()),
                new LinkedHashMap<>(query), new LinkedHashMap<>(lists), franceConnectToken, summary(name, c, SALIENT_PARTICULIER)));
    }

    /** The scopes that open an operation ({@code authorizations.yml} under its declaration's key). */
    private static List<String> scopes(JsonNode authorizations, OperationDeclaration d) {
        JsonNode found = d.authorization() == null ? null : authorizations.findValue(d.authorization());
        List<String> scopes = new ArrayList<>();
        if (found != null) {
            found.forEach(s -> scopes.add(s.asText()));
        }
        return scopes;
    }

    /** The declaration's summary, else the official OpenAPI's summary of the path, else the id. */
    private static String title(OperationDeclaration d, OperationDeclaration.VersionedPath path, JsonNode official) {
        if (d.summary() != null && !d.summary().isBlank()) {
            return d.summary();
        }
        return official.path("paths").path(path.template().template()).path("get").path("summary").asText(path.operationId());
    }

    /**
     * What the case gives, in French, from its status, its file name and a telling field of its
     * body: {@code Succès (personne morale) : raison_sociale « CROIX ROUGE FRANCAISE »}, or
     * {@code Erreur 404 : 01003 « Entité non trouvée »}.
     */
    static String summary(String name, SandboxCase c) {
        return summary(name, c, SALIENT);
    }

    /** {@link #summary(String, SandboxCase)} with the telling fields to look for, most telling first. */
    static String summary(String name, SandboxCase c, List<String> salientFields) {
        String label = name.replaceFirst("^" + c.status() + "[-_]?", "").replace('_', ' ').replace('-', ' ').strip();
        String qualifier = label.isEmpty() ? "" : " (" + label + ")";
        JsonNode body;
        try {
            body = JSON.readTree(c.payload());
        } catch (IOException e) {
            body = null;
        }
        if (c.status() / 100 != 2) {
            JsonNode error = body == null ? null : body.path("errors").path(0);
            String what = error == null || error.isMissingNode() ? ""
                    : " : " + error.path("code").asText() + " « " + error.path("title").asText() + " »";
            return "Erreur " + c.status() + qualifier + what;
        }
        String salient = body == null ? null : salient(body.has("data") ? body.get("data") : body, salientFields);
        return "Succès" + qualifier + (salient == null ? "" : " : " + salient);
    }

    /** The first {@link #SALIENT} field found in the body, breadth first, as {@code name « value »}. */
    private static String salient(JsonNode data, List<String> salientFields) {
        for (String field : salientFields) {
            JsonNode found = find(data, field);
            if (found == null) {
                continue;
            }
            if ("document_url".equals(field) || "url".equals(field)) {
                return "lien vers le document (servi par /proxy/files)";
            }
            if (found.isValueNode()) {
                return field + " « " + found.asText() + " »";
            }
            int size = found.size();
            return field + " (" + size + (found.isArray() ? " élément" : " champ") + (size > 1 ? "s" : "") + ")";
        }
        return null;
    }

    private static JsonNode find(JsonNode node, String field) {
        List<JsonNode> level = List.of(node);
        while (!level.isEmpty()) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode n : level) {
                JsonNode value = n.isObject() ? n.get(field) : null;
                if (value != null && !value.isNull()) {
                    return value;
                }
                n.forEach(child -> {
                    if (child.isContainerNode()) {
                        next.add(child);
                    }
                });
            }
            level = next;
        }
        return null;
    }
}
