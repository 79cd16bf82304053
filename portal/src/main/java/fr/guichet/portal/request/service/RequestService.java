package fr.guichet.portal.request.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.portal.demarche.client.TokenServiceFailure;
import fr.guichet.portal.demarche.service.PageFailure;
import fr.guichet.portal.request.client.HabilitationRequestClient;
import fr.guichet.portal.session.PartnerSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Requests for new démarches through token-service's {@code /me/habilitation-requests}, with the
 * person's own session: the catalogue to choose from, the submission (form errors in French, per
 * field) and the follow-up of the person's requests.
 */
@ApplicationScoped
public class RequestService {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** token-service's {@code source.parameter} → the form's field, where they differ. */
    private static final Map<String, String> FIELDS = Map.of(
            "contacts.technique.email", "technique_email", "contacts.technique.phone", "technique_phone",
            "contacts.metier.email", "metier_email", "contacts.metier.phone", "metier_phone");
    private static final Map<String, String> STATUS_LABELS = Map.of(
            "draft", "Brouillon", "submitted", "Envoyée, en instruction", "validated", "Validée",
            "refused", "Refusée", "revoked", "Révoquée");
    private static final Map<String, String> STATUS_BADGES = Map.of(
            "draft", "fr-badge--info", "submitted", "fr-badge--new", "validated", "fr-badge--success",
            "refused", "fr-badge--error", "revoked", "fr-badge--error");

    private final HabilitationRequestClient client;

    public RequestService(@RestClient HabilitationRequestClient client) {
        this.client = client;
    }

    /** The providers of {@code form}'s API kind and their scopes, ticked as in {@code form}. */
    public List<CatalogueGroup> catalogue(PartnerSession session, RequestForm form) {
        return groups(call(() -> client.catalogue(session.bearer(), form.apiKind())), form.scopes());
    }

    /** The catalogue answer of token-service as form groups, {@code ticked} scopes checked. */
    public static List<CatalogueGroup> groups(JsonNode catalogue, List<String> ticked) {
        List<CatalogueGroup> groups = new ArrayList<>();
        for (JsonNode p : catalogue.path("data")) {
            String provider = p.path("provider").asText();
            List<CatalogueGroup.Option> options = new ArrayList<>();
            for (JsonNode s : p.path("scopes")) {
                String scope = s.path("scope").asText();
                options.add(new CatalogueGroup.Option("scope-" + provider + "-" + scope, scope, s.path("label").asText(scope),
                        ticked.contains(scope)));
            }
            groups.add(new CatalogueGroup(provider, p.path("label").asText(provider), List.copyOf(options)));
        }
        return groups;
    }

    /**
     * Sends the request.
     *
     * @return field → French error (the form's own checks, then token-service's 422 per
     *         {@code source.parameter}); empty when the request was recorded
     */
    public Map<String, String> submit(PartnerSession session, RequestForm form) {
        Map<String, String> errors = form.errors();
        if (!errors.isEmpty()) {
            return errors;
        }
        try {
            client.submit(session.bearer(), body(form));
            return Map.of();
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && (e.getResponse().getStatus() == 422 || e.getResponse().getStatus() == 400)) {
                return fieldErrors(e.getResponse().readEntity(String.class));
            }
            throw new PageFailure(TokenServiceFailure.of(e));
        } catch (RuntimeException e) {
            throw new PageFailure(TokenServiceFailure.of(e));
        }
    }

    /** token-service's error body → field → detail; an error without a known field goes under {@code request}. */
    static Map<String, String> fieldErrors(String body) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            for (JsonNode e : JSON.readTree(body).path("errors")) {
                String parameter = e.path("source").path("parameter").asText("request");
                errors.merge(FIELDS.getOrDefault(parameter, parameter), e.path("detail").asText(),
                        (a, b) -> a + " " + b);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException ignored) {
            // an unreadable body still tells the person something went wrong
        }
        if (errors.isEmpty()) {
            errors.put("request", "La demande n'a pas pu être enregistrée. Vérifiez les champs et réessayez.");
        }
        return errors;
    }

    static ObjectNode body(RequestForm form) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode body = f.objectNode();
        body.put("api_kind", form.apiKind());
        body.put("intitule", form.intitule().strip());
        body.put("legal_basis", form.legalBasis().strip());
        ArrayNode scopes = body.putArray("scopes");
        form.scopes().forEach(scopes::add);
        body.put("expected_volume_per_day", form.volumeValue());
        body.put("recipients", form.recipients().strip());
        ObjectNode contacts = body.putObject("contacts");
        contacts.set("technique", contact(form.techniqueEmail(), form.techniquePhone()));
        contacts.set("metier", contact(form.metierEmail(), form.metierPhone()));
        body.put("terms_accepted", form.termsAccepted());
        return body;
    }

    private static ObjectNode contact(String email, String phone) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("email", email.strip());
        if (phone != null && !phone.isBlank()) {
            node.put("phone", phone.strip());
        }
        return node;
    }

    /** The person's requests, newest first. */
    public List<RequestView> list(PartnerSession session) {
        return views(call(() -> client.list(session.bearer())));
    }

    /** token-service's list of requests as views. */
    public static List<RequestView> views(JsonNode page) {
        List<RequestView> views = new ArrayList<>();
        for (JsonNode h : page.path("data")) {
            String status = h.path("status").asText();
            List<String> scopes = new ArrayList<>();
            h.path("scopes").forEach(s -> scopes.add(s.asText()));
            views.add(new RequestView(h.path("id").asText(), h.path("intitule").asText(),
                    "particulier".equals(h.path("api_kind").asText()) ? "API Particulier" : "API Entreprise",
                    List.copyOf(scopes), status, STATUS_LABELS.getOrDefault(status, status),
                    STATUS_BADGES.getOrDefault(status, "fr-badge--info"), day(h.path("created_at")),
                    day(h.path("decided_at")), h.hasNonNull("decision_reason") ? h.get("decision_reason").asText() : null));
        }
        return views;
    }

    private static LocalDate day(JsonNode instant) {
        return instant == null || instant.isNull() || instant.isMissingNode() ? null
                : Instant.parse(instant.asText()).atZone(PARIS).toLocalDate();
    }

    private static JsonNode call(Supplier<JsonNode> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw new PageFailure(TokenServiceFailure.of(e));
        }
    }
}
