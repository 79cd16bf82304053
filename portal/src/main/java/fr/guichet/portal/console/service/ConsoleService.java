package fr.guichet.portal.console.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.portal.console.client.ConsoleClient;
import fr.guichet.portal.console.session.OperatorSession;
import fr.guichet.portal.demarche.client.TokenServiceFailure;
import fr.guichet.portal.login.service.LoginService;
import fr.guichet.portal.login.service.LoginThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The console's work on token-service's admin API, with the operator's own session: login by
 * e-mailed link, the queue of submitted habilitations, a habilitation's review (every field, its
 * tokens, its audit trail), the decisions and token actions, the tokens ending within
 * {@value #EXPIRING_DAYS} days, the signing keys. token-service decides and audits; the portal
 * only hides what an auditor may not do.
 */
@ApplicationScoped
public class ConsoleService {

    /** Tokens ending within this many days are listed as expiring (the notices start 90 days ahead). */
    public static final int EXPIRING_DAYS = 90;
    static final int PAGE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** French labels of the habilitation fields the review shows first, in this order. */
    static final Map<String, String> LABELS = labels();

    private final ConsoleClient client;
    private final LoginThrottle throttle;

    public ConsoleService(@RestClient ConsoleClient client, LoginThrottle throttle) {
        this.client = client;
        this.throttle = throttle;
    }

    private static Map<String, String> labels() {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("intitule", "Intitulé");
        l.put("organisation_siret", "SIRET de l'organisation");
        l.put("api_kind", "API");
        l.put("status", "Statut");
        l.put("legal_basis", "Cadre juridique");
        l.put("scopes", "Données demandées (scopes)");
        l.put("expected_volume_per_day", "Volume attendu (appels par jour)");
        l.put("recipients", "Destinataires des données");
        l.put("rate_limit_per_minute", "Quota (appels par minute)");
        l.put("allowed_ips", "Adresses IP autorisées");
        l.put("environment", "Environnement");
        l.put("terms_accepted_at", "Conditions acceptées le");
        l.put("created_at", "Créée le");
        l.put("validated_at", "Validée le");
        l.put("status_reason", "Motif du dernier changement d'état");
        l.put("decision_reason", "Motif de la décision");
        l.put("decided_at", "Décidée le");
        l.put("decided_by", "Décidée par");
        l.put("periods", "Périodes ouvertes");
        l.put("security_proof_valid_until", "Preuve de sécurité valable jusqu'au");
        l.put("franceconnect_client_id", "Client FranceConnect");
        l.put("suspended", "Suspension");
        l.put("contacts_erased_at", "Contacts effacés le");
        l.put("data_erased_at", "Données effacées le");
        return l;
    }

    // ------------------------------------------------------------------ login

    /**
     * Asks token-service to mail a console link to {@code email}, for the browser at
     * {@code clientAddress} (throttled per address, like the partners' login, never per e-mail).
     */
    public LoginService.Outcome requestLink(String email, String clientAddress) {
        if (!LoginService.plausibleEmail(email)) {
            return new LoginService.Outcome("Saisissez une adresse électronique valide, par exemple nom@numerique.gouv.fr.", 400);
        }
        long wait = throttle.attempt(clientAddress);
        if (wait > 0) {
            return new LoginService.Outcome("Trop de demandes de lien depuis votre connexion : réessayez dans " + wait + " secondes.", 429);
        }
        try {
            client.requestLink(clientAddress, Map.of("email", email.strip()));
            return new LoginService.Outcome(null, 200);
        } catch (RuntimeException e) {
            TokenServiceFailure failure = TokenServiceFailure.of(e);
            return new LoginService.Outcome(failure.message(), failure.status() == 0 ? 503 : failure.status());
        }
    }

    /**
     * Exchanges a console link's secret for an operator session.
     *
     * @throws LoginService.LoginRefused with the French reason when the link is unknown, used, expired or its operator deactivated
     */
    public OperatorSession openSession(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new LoginService.LoginRefused("Ce lien de connexion est incomplet : demandez-en un nouveau.");
        }
        JsonNode session;
        try {
            session = client.openSession(Map.of("jeton", secret.strip()));
        } catch (RuntimeException e) {
            throw new LoginService.LoginRefused(TokenServiceFailure.of(e).message());
        }
        long expiresAt = Instant.now().getEpochSecond() + session.path("expires_in").asLong(3600);
        return new OperatorSession(session.path("access_token").asText(), session.path("email").asText(null),
                session.path("role").asText("auditor"), expiresAt);
    }

    // ------------------------------------------------------------------ pages

    /** The submitted habilitations, newest first. */
    public List<Map<String, Object>> queue(OperatorSession operator) {
        return list(call(() -> client.habilitations(operator.bearer(), "submitted", PAGE)).path("data"));
    }

    /** A habilitation's review: its fields, contacts, tokens and audit trail. */
    public Review review(OperatorSession operator, String id) {
        JsonNode h = call(() -> client.habilitation(operator.bearer(), id));
        List<Map<String, Object>> tokens = list(call(() -> client.tokens(operator.bearer(), id, null, PAGE)).path("data"));
        List<Map<String, Object>> trail = new ArrayList<>(list(
                call(() -> client.auditEvents(operator.bearer(), "habilitation", id, 100)).path("data")));
        for (Map<String, Object> token : tokens) {
            String jti = String.valueOf(token.get("jti"));
            trail.addAll(list(call(() -> client.auditEvents(operator.bearer(), "token", jti, 100)).path("data")));
        }
        trail.sort(Comparator.comparing((Map<String, Object> e) -> String.valueOf(e.get("occurred_at"))).reversed());
        return new Review(id, h.path("intitule").asText(""), h.path("status").asText(""), fields(h), contacts(h.path("contacts")),
                tokens, trail);
    }

    /** A habilitation's review data. */
    public record Review(String id, String intitule, String status, List<ReviewField> fields,
                        List<Map<String, Object>> contacts, List<Map<String, Object>> tokens,
                        List<Map<String, Object>> trail) {
        /** Whether the habilitation awaits a decision. */
        public boolean submitted() {
            return "submitted".equals(status);
        }
    }

    /** The active tokens ending within {@value #EXPIRING_DAYS} days, soonest first. */
    public List<Map<String, Object>> expiring(OperatorSession operator) {
        String before = LocalDate.now(ZoneOffset.UTC).plusDays(EXPIRING_DAYS + 1L).toString();
        List<Map<String, Object>> tokens = new ArrayList<>(list(
                call(() -> client.tokens(operator.bearer(), null, before, PAGE)).path("data")));
        tokens.sort(Comparator.comparing(t -> String.valueOf(t.get("ends_at"))));
        return tokens;
    }

    /** The signing keys. */
    public List<Map<String, Object>> keys(OperatorSession operator) {
        return list(call(() -> client.keys(operator.bearer())).path("data"));
    }

    // ------------------------------------------------------------------ actions

    /** Validates ({@code validate}) or refuses ({@code refuse}) a submitted habilitation. */
    public void decide(OperatorSession operator, String id, String action, String reason) {
        call(() -> client.decide(operator.bearer(), id, action, reasonBody(reason)));
    }

    /** Revokes ({@code revoke}) or prolongs ({@code prolong}) a token. */
    public void tokenAction(OperatorSession operator, String jti, String action, String reason) {
        call(() -> client.tokenAction(operator.bearer(), jti, action, reasonBody(reason)));
    }

    /** Rotates the signing key. */
    public void rotateKey(OperatorSession operator, String reason) {
        call(() -> client.rotateKey(operator.bearer(), reasonBody(reason)));
    }

    private static Map<String, String> reasonBody(String reason) {
        return reason == null || reason.isBlank() ? Map.of() : Map.of("reason", reason.strip());
    }

    // ------------------------------------------------------------------ mapping

    static List<ReviewField> fields(JsonNode h) {
        List<ReviewField> fields = new ArrayList<>();
        for (Map.Entry<String, String> label : LABELS.entrySet()) {
            JsonNode value = h.path(label.getKey());
            if (!value.isMissingNode() && !value.isNull()) {
                fields.add(new ReviewField(label.getKey(), label.getValue(), text(value)));
            }
        }
        // Any field token-service adds later is shown too, under its wire name.
        for (Iterator<Map.Entry<String, JsonNode>> it = h.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!LABELS.containsKey(e.getKey()) && !"id".equals(e.getKey()) && !"contacts".equals(e.getKey())
                    && !e.getValue().isNull()) {
                fields.add(new ReviewField(e.getKey(), e.getKey(), text(e.getValue())));
            }
        }
        return fields;
    }

    private static String text(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(v.isValueNode() ? v.asText() : v.toString()));
            return String.join(", ", items);
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    static List<Map<String, Object>> contacts(JsonNode contacts) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = contacts.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("role", e.getKey());
            row.put("email", e.getValue().path("email").asText(""));
            row.put("phone", e.getValue().path("phone").asText(""));
            rows.add(row);
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(JsonNode array) {
        List<Map<String, Object>> rows = new ArrayList<>();
        array.forEach(node -> rows.add(JSON.convertValue(node, Map.class)));
        return rows;
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw new ConsoleFailure(TokenServiceFailure.of(e));
        }
    }
}
