package fr.guichet.token.oauth;

import fr.guichet.token.audit.AdminAction;
import fr.guichet.token.audit.AuditService;
import fr.guichet.token.auth.AttemptGuard;
import fr.guichet.token.config.TokenConfig;
import fr.guichet.token.error.TokenErrors;
import fr.guichet.token.habilitation.HabilitationService;
import fr.guichet.token.habilitation.HabilitationStatus;
import fr.guichet.token.time.TimeSource;
import fr.guichet.token.token.Token;
import fr.guichet.token.token.TokenService;
import fr.guichet.token.token.TokenState;
import fr.guichet.token.token.TokenStateCopy;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** OAuth2 client credentials (RFC 6749 §4.4): clients of a habilitation get short-lived access tokens. */
@ApplicationScoped
public class OAuthService {

    /** A new client; the secret is shown once. */
    public record NewClient(String clientId, String clientSecret, UUID habilitationId) {
    }

    /** A granted access token. */
    public record Grant(String accessToken, long expiresIn, List<String> scopes) {
    }

    @Inject
    TokenService tokens;

    @Inject
    TokenStateCopy copy;

    @Inject
    AuditService audit;

    @Inject
    AttemptGuard guard;

    @Inject
    TimeSource time;

    @Inject
    TokenConfig config;

    public Uni<NewClient> createClient(UUID habilitationId, String actor, String reason) {
        return Panache.withTransaction(() -> HabilitationService.load(habilitationId).flatMap(loaded -> {
            if (loaded.habilitation().status() != HabilitationStatus.VALIDATED) {
                return Uni.createFrom().failure(TokenErrors.outOfOrder(
                        "Un client OAuth2 ne peut être créé que pour une habilitation validée."));
            }
            String secret = ClientSecrets.newSecret();
            OAuthClient client = new OAuthClient();
            client.clientId = ClientSecrets.newClientId();
            client.secretHash = ClientSecrets.hash(secret);
            client.habilitationId = habilitationId;
            client.createdAt = time.now();
            return client.persist()
                    .call(() -> audit.record(AdminAction.of(actor, "create_oauth_client", "oauth_client", client.clientId, reason)
                            .withContext(habilitationId.toString(), null, loaded.organisation().siret,
                                    loaded.habilitation().apiKind)))
                    .replaceWith(new NewClient(client.clientId, secret, habilitationId));
        }));
    }

    /** Revokes a client (leaked secret, end of use) and every live access token it obtained. */
    public Uni<Void> revokeClient(String clientId, String actor, String reason) {
        if (reason == null || reason.isBlank()) {
            return Uni.createFrom().failure(TokenErrors.invalid("reason", "Le champ « reason » est obligatoire pour une révocation."));
        }
        List<TokenState> revoked = new ArrayList<>();
        return Panache.withTransaction(() -> OAuthClient.<OAuthClient>findById(clientId).flatMap(client -> {
            if (client == null) {
                return Uni.createFrom().failure(TokenErrors.notFound("Client OAuth2 inconnu : " + clientId));
            }
            if (client.revokedAt != null) {
                return Uni.createFrom().failure(TokenErrors.outOfOrder("Ce client est déjà révoqué depuis " + client.revokedAt + "."));
            }
            client.revokedAt = time.now();
            return HabilitationService.loadForUpdate(client.habilitationId).flatMap(loaded -> audit.record(
                            AdminAction.of(actor, "revoke_oauth_client", "oauth_client", clientId, reason)
                                    .withContext(loaded.habilitation().id.toString(), null, loaded.organisation().siret,
                                            loaded.habilitation().apiKind))
                    .chain(() -> tokens.revokeClientTokensInTransaction(clientId, loaded, actor, reason))
                    .invoke(revoked::addAll));
        })).chain(() -> tokens.propagateRevocations(revoked));
    }

    /**
     * Authenticates the client, checks the requested scopes against the habilitation's, and issues
     * an {@code at+jwt} access token. Failed authentications slow down the caller's address only
     * ({@link AttemptGuard}), never the client id: the real client, elsewhere, keeps working.
     * Issuance is bounded: a habilitation holds at most {@code guichet.token.oauth.max-live-access-tokens}
     * live access tokens (429 {@code temporarily_unavailable} / {@code 00808} beyond, with Retry-After).
     */
    public Uni<Grant> clientCredentials(String clientId, String secret, boolean basic, String requestedScope, String callerIp) {
        String byAddress = AttemptGuard.address("oauth", callerIp);
        return guard.blockedFor(byAddress).flatMap(wait -> {
            if (wait > 0) {
                return Uni.createFrom().failure(OAuthException.throttled(wait));
            }
            return Panache.withTransaction(() -> OAuthClient.<OAuthClient>findById(clientId).flatMap(client -> {
                if (client == null || client.revokedAt != null || !ClientSecrets.matches(secret, client.secretHash)) {
                    return guard.failed(byAddress)
                            .chain(() -> Uni.createFrom().failure(OAuthException.invalidClient(basic)));
                }
                return HabilitationService.loadForUpdate(client.habilitationId).flatMap(loaded -> {
                    if (loaded.habilitation().status() != HabilitationStatus.VALIDATED) {
                        return Uni.createFrom().failure(OAuthException.unauthorizedClient(
                                "L'habilitation de ce client n'est pas (ou plus) validée."));
                    }
                    List<String> granted = grantedScopes(requestedScope, loaded.habilitation().scopes);
                    Instant now = time.now();
                    // Counted under the habilitation's row lock: concurrent requests cannot overshoot.
                    return liveAccessTokens(loaded.habilitation().id, now).flatMap(live -> {
                        int max = config.oauth().maxLiveAccessTokens();
                        if (live.size() >= max) {
                            long retry = Math.max(1, live.get(0).endsAt.getEpochSecond() - now.getEpochSecond());
                            return Uni.createFrom().failure(OAuthException.tooManyAccessTokens(max, retry));
                        }
                        Instant exp = now.plus(config.oauth().accessTokenTtl());
                        TokenService.Issued issued = tokens.sign(loaded, Token.KIND_OAUTH, granted, exp, clientId, now);
                        return issued.token().persist().replaceWith(issued);
                    });
                });
            }))
                    .call(issued -> copy.write(issued.state()))
                    .call(() -> guard.succeeded(byAddress))
                    .map(issued -> new Grant(issued.jwt(), config.oauth().accessTokenTtl().toSeconds(),
                            issued.token().scopes));
        });
    }

    /** The habilitation's live access tokens, the one ending first first. */
    private static Uni<List<Token>> liveAccessTokens(UUID habilitationId, Instant now) {
        return Token.list("kind = ?1 and habilitationId = ?2 and revokedAt is null and endsAt > ?3 order by endsAt",
                Token.KIND_OAUTH, habilitationId, now);
    }

    /** No scope asked: all the habilitation's; otherwise a subset of them, else invalid_scope. */
    static List<String> grantedScopes(String requested, List<String> allowed) {
        if (requested == null || requested.isBlank()) {
            return allowed;
        }
        List<String> asked = new ArrayList<>(new LinkedHashSet<>(Arrays.asList(requested.trim().split("\\s+"))));
        List<String> outside = asked.stream().filter(s -> !allowed.contains(s)).toList();
        if (!outside.isEmpty()) {
            throw OAuthException.invalidScope("Scope(s) hors de l'habilitation : " + String.join(" ", outside) + ".");
        }
        return List.copyOf(asked);
    }

    static Map<String, Object> body(Grant g) {
        return Map.of("access_token", g.accessToken(), "token_type", "Bearer", "expires_in", g.expiresIn(),
                "scope", String.join(" ", g.scopes()));
    }
}
