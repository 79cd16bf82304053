package fr.guichet.token.partner;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.token.audit.AdminAction;
import fr.guichet.token.audit.AuditService;
import fr.guichet.token.error.TokenErrors;
import fr.guichet.token.habilitation.Contacts;
import fr.guichet.token.habilitation.HabilitationService;
import fr.guichet.token.habilitation.HabilitationView;
import fr.guichet.token.key.SecretBox;
import fr.guichet.token.oauth.OAuthClient;
import fr.guichet.token.oauth.OAuthClientView;
import fr.guichet.token.time.TimeSource;
import fr.guichet.token.token.Token;
import fr.guichet.token.token.TokenView;
import fr.guichet.token.trace.TraceCredentials;
import fr.guichet.token.trace.TraceServiceClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The partner dashboard: a person sees and changes only the démarches {@link DemarcheAccess}
 * lets them act on. Anything else answers 404, exactly like something that does not exist.
 */
@ApplicationScoped
public class PartnerService {

    private static final Logger LOG = Logger.getLogger(PartnerService.class);

    /** The filters of a last-requests read. */
    public record RequestFilter(Integer limit, Integer status, String operation, String from, String to) {
    }

    @Inject
    HabilitationService habilitations;

    @Inject
    DemarcheAccess access;

    @Inject
    SecretBox box;

    @Inject
    AuditService audit;

    @Inject
    TimeSource time;

    @Inject
    @RestClient
    TraceServiceClient traces;

    @Inject
    TraceCredentials credentials;

    /** The habilitations this person may act on (see {@link DemarcheAccess}). */
    public Uni<List<HabilitationView>> habilitations(DemarcheAccess.Person person) {
        return Panache.withSession(() -> access.habilitations(person)
                .map(list -> list.stream().map(h -> HabilitationView.of(h, person.siret())).toList()));
    }

    /** The API tokens of the habilitations this person may act on, newest first. */
    public Uni<List<TokenView>> tokens(DemarcheAccess.Person person) {
        Instant now = time.now();
        return Panache.withSession(() -> access.habilitations(person).flatMap(habs -> {
            if (habs.isEmpty()) {
                return Uni.createFrom().item(List.<TokenView>of());
            }
            List<UUID> ids = habs.stream().map(h -> h.id).toList();
            return Token.<Token>list("kind = ?1 and habilitationId in ?2 order by issuedAt desc", Token.KIND_API, ids)
                    .map(list -> list.stream().map(t -> TokenView.of(t, now)).toList());
        }));
    }

    /** The OAuth2 clients of the habilitations this person may act on, newest first; never a secret. */
    public Uni<List<OAuthClientView>> oauthClients(DemarcheAccess.Person person) {
        return Panache.withSession(() -> access.habilitations(person).flatMap(habs -> {
            if (habs.isEmpty()) {
                return Uni.createFrom().item(List.<OAuthClientView>of());
            }
            List<UUID> ids = habs.stream().map(h -> h.id).toList();
            return OAuthClient.<OAuthClient>list("habilitationId in ?1 order by createdAt desc", ids)
                    .map(list -> list.stream().map(OAuthClientView::of).toList());
        }));
    }

    /** The token value, once: the stored copy is erased as it is handed out. */
    public Uni<String> retrieve(DemarcheAccess.Person person, UUID jti) {
        return Panache.withTransaction(() -> access.token(person, jti).flatMap(t -> {
            if (t.tokenValueEnc == null) {
                return Uni.createFrom().failure(TokenErrors.alreadyRetrieved(t.isRevoked()
                        ? "Ce jeton est révoqué : sa valeur n'est plus disponible."
                        : "La valeur de ce jeton a déjà été récupérée le " + t.retrievedAt
                                + ". Demandez une prolongation si elle a été perdue."));
            }
            String value = new String(box.open(t.tokenValueEnc, t.jti.toString()), StandardCharsets.UTF_8);
            t.tokenValueEnc = null;
            t.retrievedAt = time.now();
            // Who took the secret and when: the same audit trail as admin actions.
            return audit.record(AdminAction.of("partner:" + person.email(), "retrieve_token", "token", jti.toString(), null)
                            .withContext(t.habilitationId.toString(), jti.toString(), person.siret(), null))
                    .replaceWith(value);
        }));
    }

    /** Replaces the contacts of a habilitation this person may act on. */
    public Uni<HabilitationView> updateContacts(DemarcheAccess.Person person, UUID habilitationId, Contacts contacts) {
        return Panache.withSession(() -> access.habilitation(person, habilitationId))
                .flatMap(h -> habilitations.updateContacts(h.id, contacts, "partner:" + person.email()))
                .map(HabilitationService.Loaded::view);
    }

    public Uni<JsonNode> lastRequests(DemarcheAccess.Person person, UUID jti, RequestFilter filter) {
        return Panache.withSession(() -> access.token(person, jti))
                .flatMap(t -> fromTraceService(traces.requests(credentials.header(), jti.toString(), filter.limit(),
                        filter.status(), filter.operation(), filter.from(), filter.to())));
    }

    public Uni<JsonNode> stats(DemarcheAccess.Person person, UUID jti, String from, String to) {
        return Panache.withSession(() -> access.token(person, jti))
                .flatMap(t -> fromTraceService(traces.stats(credentials.header(), jti.toString(), from, to)));
    }

    /** trace-service down or failing: a clear 502, never a 500 or a hang. */
    private Uni<JsonNode> fromTraceService(Uni<JsonNode> call) {
        return call.onFailure().transform(failure -> {
            if (failure instanceof WebApplicationException w) {
                LOG.warnf("trace-service answered %d", w.getResponse().getStatus());
                return TokenErrors.traceServiceUnavailable("Le service de traces a répondu "
                        + w.getResponse().getStatus() + " : statistiques et dernières requêtes momentanément indisponibles.");
            }
            LOG.warnf("trace-service unreachable: %s", failure.toString());
            return TokenErrors.traceServiceUnavailable(
                    "Le service de traces est injoignable : statistiques et dernières requêtes momentanément indisponibles.");
        });
    }
}
