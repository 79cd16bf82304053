package fr.guichet.token.franceconnect;

import fr.guichet.token.audit.AdminAction;
import fr.guichet.token.audit.AuditService;
import fr.guichet.token.error.TokenErrors;
import fr.guichet.token.habilitation.ApiKind;
import fr.guichet.token.habilitation.Habilitation;
import fr.guichet.token.habilitation.HabilitationService;
import fr.guichet.token.habilitation.HabilitationService.Loaded;
import fr.guichet.token.habilitation.HabilitationStatus;
import fr.guichet.token.organisation.Organisation;
import fr.guichet.token.time.TimeSource;
import fr.guichet.token.token.Token;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Binds a partner's FranceConnect client to one API Particulier habilitation, and finds the
 * habilitation back from the client id for the gateway. A client id belongs to one habilitation
 * at most (unique column, 409 {@code 00015} when another habilitation holds it).
 */
@ApplicationScoped
public class FranceConnectBindingService {

    /** FranceConnect client ids are 64 hex characters; a little room for other identity providers. */
    static final Pattern CLIENT_ID = Pattern.compile("^[A-Za-z0-9._-]{1,128}$");
    private static final String UNIQUE_VIOLATION = "23505";

    @Inject
    AuditService audit;

    @Inject
    TimeSource time;

    /**
     * Binds {@code body.client_id} to the habilitation (audited {@code bind_franceconnect_client}).
     * Binding the id it already holds changes nothing.
     *
     * @throws fr.guichet.common.error.ApiException 422 {@code 00801} missing or malformed client id, or
     *         an API Entreprise habilitation; 404 {@code 00003} unknown habilitation; 409 {@code 00802}
     *         refused or revoked habilitation; 409 {@code 00015} id held by another habilitation
     */
    public Uni<Loaded> bind(UUID habilitationId, FranceConnectClientRequest body, String actor) {
        String clientId = body == null || body.clientId() == null ? null : body.clientId().trim();
        if (clientId == null || clientId.isEmpty()) {
            return Uni.createFrom().failure(TokenErrors.invalid("client_id", "Le champ « client_id » est obligatoire."));
        }
        if (!CLIENT_ID.matcher(clientId).matches()) {
            return Uni.createFrom().failure(TokenErrors.invalid("client_id",
                    "Le champ « client_id » doit être un identifiant de client FranceConnect (lettres, chiffres, « . », « _ », « - », 128 caractères au plus)."));
        }
        String reason = body.reason();
        return Panache.withTransaction(() -> HabilitationService.loadForUpdate(habilitationId).flatMap(loaded -> {
            Habilitation h = loaded.habilitation();
            if (!ApiKind.PARTICULIER.wire().equals(h.apiKind)) {
                return Uni.createFrom().<Loaded>failure(TokenErrors.invalid("client_id",
                        "Seule une habilitation API Particulier peut être liée à un client FranceConnect."));
            }
            if (h.status() == HabilitationStatus.REFUSED || h.status() == HabilitationStatus.REVOKED) {
                return Uni.createFrom().<Loaded>failure(TokenErrors.outOfOrder("L'habilitation est à l'état « "
                        + h.status + " » : elle ne peut plus être liée à un client FranceConnect."));
            }
            if (clientId.equals(h.franceconnectClientId)) {
                return Uni.createFrom().item(loaded);
            }
            return Habilitation.count("franceconnectClientId = ?1 and id <> ?2", clientId, h.id).flatMap(taken -> {
                if (taken > 0) {
                    return Uni.createFrom().<Loaded>failure(taken(clientId));
                }
                Map<String, String> details = new LinkedHashMap<>();
                details.put("client_id", clientId);
                if (h.franceconnectClientId != null) {
                    details.put("previous_client_id", h.franceconnectClientId);
                }
                h.franceconnectClientId = clientId;
                h.updatedAt = time.now();
                return audit.record(AdminAction.of(actor, "bind_franceconnect_client", "habilitation", h.id.toString(), reason)
                                .withContext(h.id.toString(), null, loaded.organisation().siret, h.apiKind)
                                .withDetails(details))
                        .replaceWith(loaded);
            });
        })).onFailure(FranceConnectBindingService::isUniqueViolation).transform(f -> taken(clientId));
    }

    /**
     * Removes the habilitation's FranceConnect client (audited {@code unbind_franceconnect_client});
     * nothing to remove changes nothing. 404 {@code 00003} for an unknown habilitation.
     */
    public Uni<Loaded> unbind(UUID habilitationId, String actor) {
        return Panache.withTransaction(() -> HabilitationService.loadForUpdate(habilitationId).flatMap(loaded -> {
            Habilitation h = loaded.habilitation();
            if (h.franceconnectClientId == null) {
                return Uni.createFrom().item(loaded);
            }
            String previous = h.franceconnectClientId;
            h.franceconnectClientId = null;
            h.updatedAt = time.now();
            return audit.record(AdminAction.of(actor, "unbind_franceconnect_client", "habilitation", h.id.toString(), null)
                            .withContext(h.id.toString(), null, loaded.organisation().siret, h.apiKind)
                            .withDetails(Map.of("previous_client_id", previous)))
                    .replaceWith(loaded);
        }));
    }

    /**
     * The habilitation bound to {@code clientId}, with its newest live API token; 404 {@code 00003}
     * when no validated habilitation holds the id or when it has no live token (nothing to admit).
     */
    public Uni<FranceConnectClient> client(String clientId) {
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            return Uni.createFrom().failure(unknown());
        }
        Instant now = time.now();
        return Panache.withSession(() -> Habilitation.<Habilitation>find("franceconnectClientId", clientId).firstResult()
                .flatMap(h -> {
                    if (h == null || h.status() != HabilitationStatus.VALIDATED) {
                        return Uni.createFrom().<FranceConnectClient>failure(unknown());
                    }
                    // issuedAt is kept to the second: a token prolonged within the second it was issued
                    // ties with its successor, which ends later (the old one's end is cut to the overlap).
                    return Token.<Token>find("habilitationId = ?1 and kind = ?2 and revokedAt is null and endsAt > ?3 "
                                    + "order by issuedAt desc, endsAt desc", h.id, Token.KIND_API, now).firstResult()
                            .flatMap(t -> {
                                if (t == null) {
                                    return Uni.createFrom().<FranceConnectClient>failure(unknown());
                                }
                                return Organisation.<Organisation>findById(h.organisationId).map(o -> new FranceConnectClient(
                                        h.id.toString(), o.siret, h.apiKind, h.scopes, t.jti.toString(),
                                        t.endsAt.getEpochSecond()));
                            });
                }));
    }

    private static fr.guichet.common.error.ApiException unknown() {
        return TokenErrors.notFound("Aucune habilitation validée avec un jeton en cours n'est liée à ce client FranceConnect.");
    }

    private static fr.guichet.common.error.ApiException taken(String clientId) {
        return TokenErrors.conflict("Le client FranceConnect « " + clientId + " » est déjà lié à une autre habilitation.");
    }

    /** A race between two bindings of one id: the unique constraint decides, the loser gets 409. */
    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.vertx.pgclient.PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
