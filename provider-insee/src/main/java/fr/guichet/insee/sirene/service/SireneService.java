package fr.guichet.insee.sirene.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import fr.guichet.insee.client.SireneClient;
import fr.guichet.insee.client.SireneResponse;
import fr.guichet.common.provider.ProviderConfig;
import fr.guichet.insee.sirene.mapping.DiffusionPolicy;
import fr.guichet.insee.error.InseeErrors;
import fr.guichet.insee.sirene.mapping.SireneMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * Production mode: calls INSEE Sirene 3.11 for one operation, follows INSEE's redirections of
 * merged units, maps the answer to the API Entreprise body and applies the diffusion rules.
 * INSEE 404 → 404 01003; INSEE 403 (never released) → 451 01005, or 404 01003 on the
 * {@code /diffusibles/} routes, whose contract has no 451.
 */
@ApplicationScoped
public class SireneService {

    private static final Logger LOG = Logger.getLogger(SireneService.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern TARGET = Pattern.compile("(\\d{14}|\\d{9})\\D*$");

    private final SireneClient client;
    private final ProviderConfig provider;
    private final ObjectMapper json = new ObjectMapper();

    public SireneService(SireneClient client, ProviderConfig provider) {
        this.client = client;
        this.provider = provider;
    }

    public ObjectNode fetch(InseeOperation operation, String identifier) {
        try {
            return switch (operation.resource()) {
                case UNITE_LEGALE -> uniteLegale(operation, identifier);
                case SIEGE -> siege(operation, identifier);
                case ETABLISSEMENT -> etablissement(operation, identifier);
                case ADRESSE -> adresse(operation, identifier);
                case SUCCESSIONS -> successions(identifier);
            };
        } catch (CircuitBreakerOpenException e) {
            throw InseeErrors.unavailable();
        } catch (ApiException e) {
            // A unit INSEE releases to no one is simply absent from the public data.
            if (e.status() == 451 && operation.diffusible()) {
                throw InseeErrors.notFound();
            }
            throw e;
        }
    }

    private ObjectNode uniteLegale(InseeOperation op, String siren) {
        Redirected<JsonNode> found = getFollowingRedirect("/siren/", siren, "uniteLegale");
        ObjectNode data = SireneMapper.uniteLegale(found.value(), op.version());
        if (op.diffusible()) {
            DiffusionPolicy.uniteLegale(data);
        }
        ObjectNode links = JSON.objectNode();
        String siege = data.path("siret_siege_social").asText(null);
        links.put("siege_social", link(op, "etablissements/" + siege));
        links.put("siege_social_adresse", link(op, "etablissements/" + siege + "/adresse"));
        ObjectNode meta = JSON.objectNode();
        putLong(meta, "date_derniere_mise_a_jour", SireneMapper.uniteLegaleUpdate(found.value()));
        meta.put("redirect_from_siren", found.redirectedFrom().orElse(null));
        return body(data, links, meta);
    }

    private ObjectNode etablissement(InseeOperation op, String siret) {
        Redirected<JsonNode> found = getFollowingRedirect("/siret/", siret, "etablissement");
        return etablissementBody(op, found.value(), found.redirectedFrom().orElse(null));
    }

    private ObjectNode siege(InseeOperation op, String siren) {
        String query = "etablissementSiege:true AND siren:" + siren;
        JsonNode answer = interpret(client.get("/siret?q=" + queryValue(query)));
        JsonNode list = answer.path("etablissements");
        if (!list.isArray() || list.isEmpty()) {
            throw InseeErrors.notFound();
        }
        if (list.size() > 1) {
            LOG.errorf("INSEE returned %d head offices for SIREN %s", list.size(), siren);
            throw new ApiException(502, ErrorCatalogue.standard().error("01501").withMeta("provider", InseeErrors.PROVIDER));
        }
        return etablissementBody(op, list.get(0), null);
    }

    private ObjectNode etablissementBody(InseeOperation op, JsonNode raw, String redirectedFrom) {
        ObjectNode data = SireneMapper.etablissement(raw, op.version());
        if (op.diffusible()) {
            DiffusionPolicy.etablissement(data);
        }
        ObjectNode links = JSON.objectNode();
        links.put("unite_legale", link(op, "unites_legales/" + data.path("unite_legale").path("siren").asText()));
        ObjectNode meta = JSON.objectNode();
        putLong(meta, "date_derniere_mise_a_jour", SireneMapper.etablissementUpdate(raw));
        meta.put("redirect_from_siret", redirectedFrom);
        return body(data, links, meta);
    }

    private ObjectNode adresse(InseeOperation op, String siret) {
        Redirected<JsonNode> found = getFollowingRedirect("/siret/", siret, "etablissement");
        JsonNode raw = found.value();
        ObjectNode data = SireneMapper.adresse(raw);
        if (op.diffusible()) {
            // The address follows the établissement, and a natural person's unit protects it too.
            ObjectNode full = SireneMapper.etablissement(raw, op.version());
            DiffusionPolicy.etablissement(full);
            DiffusionPolicy.adresse(data, DiffusionPolicy.addressProtected(full));
        }
        String siren = raw.path("siren").asText();
        ObjectNode links = JSON.objectNode();
        links.put("unite_legale", link(op, "unites_legales/" + siren));
        links.put("etablissement", link(op, "etablissements/" + raw.path("siret").asText()));
        ObjectNode meta = JSON.objectNode();
        putLong(meta, "date_derniere_mise_a_jour", SireneMapper.etablissementUpdate(raw));
        return body(data, links, meta);
    }

    private ObjectNode successions(String siret) {
        String query = "siretEtablissementPredecesseur:" + siret + " OR siretEtablissementSuccesseur:" + siret;
        JsonNode answer = interpret(client.get("/siret/liensSuccession?q=" + queryValue(query)));
        JsonNode links = answer.path("liensSuccession");
        if (!links.isArray()) {
            throw InseeErrors.unknownAnswer();
        }
        return body(SireneMapper.successions(links, siret), JSON.objectNode(), JSON.objectNode());
    }

    /** GET one unit; on INSEE's 301 (merged duplicate), GET the unit it points to, once. */
    private Redirected<JsonNode> getFollowingRedirect(String prefix, String identifier, String field) {
        SireneResponse response = client.get(prefix + identifier);
        String redirectedFrom = null;
        if (response.status() == 301) {
            String target = redirectTarget(response, identifier.length());
            LOG.infof("INSEE redirects %s to %s", identifier, target);
            redirectedFrom = identifier;
            response = client.get(prefix + target);
        }
        JsonNode unit = interpret(response).path(field);
        if (!unit.isObject()) {
            throw InseeErrors.unknownAnswer();
        }
        return new Redirected<>(unit, Optional.ofNullable(redirectedFrom));
    }

    /**
     * The unit INSEE redirects to: the last path segment of {@code Location}, else the number at
     * the end of the message ("... redirection vers l'unité légale : 778870675"); a SIREN target
     * for a SIRET call names the head office, whose SIRET is read from the Location.
     */
    private static String redirectTarget(SireneResponse response, int length) {
        Optional<String> fromLocation = response.location().map(l -> l.substring(l.lastIndexOf('/') + 1))
                .filter(s -> s.matches("\\d+") && s.length() == length);
        if (fromLocation.isPresent()) {
            return fromLocation.get();
        }
        Matcher m = TARGET.matcher(response.body() == null ? "" : response.body().replace("\"}}", ""));
        if (m.find() && m.group(1).length() == length) {
            return m.group(1);
        }
        throw InseeErrors.unknownAnswer();
    }

    /** The parsed body of a 200, or the API Entreprise error INSEE's status stands for. */
    private JsonNode interpret(SireneResponse response) {
        switch (response.status()) {
            case 200:
                try {
                    return json.readTree(response.body());
                } catch (IOException e) {
                    LOG.errorf("Unparseable INSEE answer: %s", e.getMessage());
                    throw InseeErrors.unknownAnswer();
                }
            case 404:
                throw InseeErrors.notFound();
            case 403:
                throw InseeErrors.legallyUnavailable();
            default:
                LOG.errorf("Unexpected INSEE status %d", response.status());
                throw InseeErrors.unknownAnswer();
        }
    }

    /** Whether a mapped body holds data of a natural person (entrepreneur individuel). */
    public static boolean concernsNaturalPerson(JsonNode body) {
        JsonNode data = body.path("data");
        return SireneMapper.PERSONNE_PHYSIQUE.equals(data.path("type").asText())
                || SireneMapper.PERSONNE_PHYSIQUE.equals(data.path("unite_legale").path("type").asText())
                || !data.path("acheminement_postal").path("l2").asText("").isEmpty();
    }

    /** A Sirene multi-criteria query as INSEE documents it: spaces as %20, field separators kept. */
    static String queryValue(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20").replace("%3A", ":");
    }

    private String link(InseeOperation op, String path) {
        return provider.publicBaseUrl() + "/v" + op.version() + "/insee/sirene/" + path;
    }

    private static ObjectNode body(ObjectNode data, ObjectNode links, ObjectNode meta) {
        ObjectNode body = JSON.objectNode();
        body.set("data", data);
        body.set("links", links);
        body.set("meta", meta);
        return body;
    }

    private static void putLong(ObjectNode node, String field, Long value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    private record Redirected<T>(T value, Optional<String> redirectedFrom) {
    }
}
