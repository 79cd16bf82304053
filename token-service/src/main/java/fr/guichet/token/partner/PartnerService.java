package fr.guichet.token.partner;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.token.audit.AdminAction;
import fr.guichet.token.audit.AuditService;
import fr.guichet.token.error.TokenErrors;
import fr.guichet.token.habilitation.Contacts;
import fr.guichet.token.habilitation.Habilitation;
import fr.guichet.token.habilitation.HabilitationService;
import fr.guichet.token.habilitation.HabilitationView;
import fr.guichet.token.key.SecretBox;
import fr.guichet.token.organisation.Organisation;
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
 * The partner dashboard: everything is scoped to the session's SIRET. Anything belonging to
 * another organisation answers 404, exactly like something that does not exist.
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

    public Uni<List<HabilitationView>> habilitations(String siret) {
        return Panache.withSession(() -> organisation(siret).flatMap(org -> Habilitation.listByOrganisation(org.id)
                .map(list -> list.stream().map(h -> HabilitationView.of(h, org.siret)).toList())));
    }

    public Uni<List<TokenView>> tokens(String siret) {
        Instant now = time.now();
        return Panache.withSession(() -> organisation(siret).flatMap(org -> Token.<Token>list(
                        "kind = ?1 and habilitationId in (select h.id from Habilitation h where h.organisationId = ?2) "
                                + "order by issuedAt desc", Token.KIND_API, org.id)
                .map(list -> list.stream().map(t -> TokenView.of(t, now)).toList())));
    }

    /** The token value, once: the stored copy is erased as it is handed out. */
    public Uni<String> retrieve(String siret, UUID jti, String who) {
        return Panache.withTransaction(() -> ownedToken(siret, jti).flatMap(t -> {
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
            return audit.record(AdminAction.of("partner:" + who, "retrieve_token", "token", jti.toString(), null)
                            .withContext(t.habilitationId.toString(), jti.toString(), siret, null))
                    .replaceWith(value);
        }));
    }

    public Uni<HabilitationView> updateContacts(String siret, UUID habilitationId, Contacts contacts, String who) {
        return Panache.withSession(() -> ownedHabilitation(siret, habilitationId))
                .flatMap(h -> habilitations.updateContacts(h.id, contacts, "partner:" + who))
                .map(HabilitationService.Loaded::view);
    }

    public Uni<JsonNode> lastRequests(String siret, UUID jti, RequestFilter filter) {
        return Panache.withSession(() -> ownedToken(siret, jti))
                .flatMap(t -> fromTraceService(traces.requests(credentials.header(), jti.toString(), filter.limit(),
                        filter.status(), filter.operation(), filter.from(), filter.to())));
    }

    public Uni<JsonNode> stats(String siret, UUID jti, String from, String to) {
        return Panache.withSession(() -> ownedToken(siret, jti))
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

    private Uni<Organisation> organisation(String siret) {
        return Organisation.findBySiret(siret).onItem().ifNull()
                .failWith(() -> TokenErrors.notFound("Organisation inconnue."));
    }

    private Uni<Token> ownedToken(String siret, UUID jti) {
        return Token.<Token>findById(jti).flatMap(t -> {
            if (t == null || !Token.KIND_API.equals(t.kind)) {
                return Uni.createFrom().failure(TokenErrors.notFound("Jeton inconnu : " + jti));
            }
            return ownedHabilitation(siret, t.habilitationId)
                    .onFailure().transform(f -> TokenErrors.notFound("Jeton inconnu : " + jti))
                    .replaceWith(t);
        });
    }

    private Uni<Habilitation> ownedHabilitation(String siret, UUID id) {
        return Habilitation.<Habilitation>findById(id).flatMap(h -> {
            if (h == null) {
                return Uni.createFrom().failure(TokenErrors.notFound("Habilitation inconnue : " + id));
            }
            return Organisation.<Organisation>findById(h.organisationId).flatMap(org -> {
                if (org == null || !org.siret.equals(siret)) {
                    return Uni.createFrom().failure(TokenErrors.notFound("Habilitation inconnue : " + id));
                }
                return Uni.createFrom().item(h);
            });
        });
    }
}
