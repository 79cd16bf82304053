package fr.guichet.token.token;

import fr.guichet.token.admin.AdminQuery;
import fr.guichet.token.admin.PageRequest;
import fr.guichet.token.admin.PageView;
import fr.guichet.token.audit.AdminAction;
import fr.guichet.token.audit.AuditService;
import fr.guichet.token.config.TokenConfig;
import fr.guichet.token.error.TokenErrors;
import fr.guichet.token.habilitation.Habilitation;
import fr.guichet.token.habilitation.HabilitationService;
import fr.guichet.token.habilitation.HabilitationService.Loaded;
import fr.guichet.token.habilitation.HabilitationStatus;
import fr.guichet.token.key.JwtService;
import fr.guichet.token.key.SecretBox;
import fr.guichet.token.organisation.Organisation;
import fr.guichet.token.time.TimeSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * Issues, prolongs and revokes tokens. Every change commits in PostgreSQL first, then rewrites
 * the Redis copy; a revocation is then published on {@code guichet:revocations}.
 */
@ApplicationScoped
public class TokenService {

    private static final Logger LOG = Logger.getLogger(TokenService.class);
    /** Hard ceiling on a long-lived token's life, whatever the configuration says. */
    static final int MAX_VALIDITY_MONTHS = 18;

    /** A freshly signed token, its row and its state copy. */
    public record Issued(Token token, String jwt, TokenState state) {
    }

    @Inject
    JwtService jwts;

    @Inject
    SecretBox box;

    @Inject
    TokenStateCopy copy;

    @Inject
    AuditService audit;

    @Inject
    TimeSource time;

    @Inject
    TokenConfig config;

    private final Timer revocationTimer;

    TokenService(MeterRegistry registry) {
        this.revocationTimer = Timer.builder("guichet.token.revocation.duration")
                .description("Revoke call: PostgreSQL commit, Redis copy and pub/sub message")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
    }

    // ---------------------------------------------------------------- validation and issuance

    /** submitted → validated, and the habilitation's first long-lived token. */
    public Uni<Issued> validate(UUID habilitationId, String actor, String reason) {
        return Panache.withTransaction(() -> HabilitationService.loadForUpdate(habilitationId).flatMap(loaded -> {
            Habilitation h = loaded.habilitation();
            if (h.status() != HabilitationStatus.SUBMITTED) {
                return Uni.createFrom().failure(TokenErrors.outOfOrder("L'habilitation est à l'état « " + h.status
                        + " » : seule une habilitation « submitted » peut être validée."));
            }
            Instant now = time.now();
            h.status = HabilitationStatus.VALIDATED.wire();
            h.statusReason = reason;
            h.validatedAt = now;
            h.updatedAt = now;
            h.decisionReason = reason;
            h.decidedAt = now;
            h.decidedBy = actor;
            Issued issued = sign(loaded, Token.KIND_API, h.scopes, apiTokenEnd(now), null, now);
            return issued.token().persist()
                    .call(() -> audit.record(AdminAction.of(actor, "validate_habilitation", "habilitation",
                                    h.id.toString(), reason)
                            .withContext(h.id.toString(), issued.token().jti.toString(), loaded.organisation().siret, h.apiKind)
                            .withDetails(Map.of("jti", issued.token().jti.toString()))))
                    .replaceWith(issued);
        })).call(issued -> copy.write(issued.state()));
    }

    /** A new token for the same habilitation; the old one ends after the overlap. */
    public Uni<Issued> prolong(UUID jti, String actor, String reason) {
        if (reason == null || reason.isBlank()) {
            return Uni.createFrom().failure(TokenErrors.invalid("reason", "Le champ « reason » est obligatoire pour une prolongation."));
        }
        List<TokenState> changed = new ArrayList<>();
        return Panache.withTransaction(() -> lockedToken(jti).flatMap(old -> {
            Instant now = time.now();
            if (old == null || !Token.KIND_API.equals(old.kind)) {
                return Uni.createFrom().failure(TokenErrors.notFound("Jeton inconnu : " + jti));
            }
            if (old.isRevoked()) {
                return Uni.createFrom().failure(TokenErrors.outOfOrder("Ce jeton est révoqué : il ne peut pas être prolongé."));
            }
            if (old.replacedBy != null) {
                return Uni.createFrom().failure(TokenErrors.outOfOrder(
                        "Ce jeton a déjà été prolongé par le jeton " + old.replacedBy + "."));
            }
            if (!old.endsAt.isAfter(now)) {
                return Uni.createFrom().failure(TokenErrors.outOfOrder("Ce jeton est expiré : validez une nouvelle habilitation."));
            }
            return HabilitationService.load(old.habilitationId).flatMap(loaded -> {
                if (loaded.habilitation().status() != HabilitationStatus.VALIDATED) {
                    return Uni.createFrom().failure(TokenErrors.outOfOrder("L'habilitation est à l'état « "
                            + loaded.habilitation().status + " » : ses jetons ne peuvent plus être prolongés."));
                }
                Issued issued = sign(loaded, Token.KIND_API, loaded.habilitation().scopes, apiTokenEnd(now), null, now);
                Instant overlapEnd = now.plus(config.apiToken().prolongationOverlap());
                if (overlapEnd.isBefore(old.endsAt)) {
                    old.endsAt = overlapEnd;
                }
                old.replacedBy = issued.token().jti;
                changed.add(state(old, loaded));
                changed.add(issued.state());
                return issued.token().persist()
                        .call(() -> audit.record(AdminAction.of(actor, "prolong_token", "token", jti.toString(), reason)
                                .withContext(loaded.habilitation().id.toString(), jti.toString(),
                                        loaded.organisation().siret, loaded.habilitation().apiKind)
                                .withDetails(Map.of("new_jti", issued.token().jti.toString(),
                                        "old_ends_at", old.endsAt.toString()))))
                        .replaceWith(issued);
            });
        })).call(() -> copy.writeAll(changed));
    }

    /** The token, read after taking its habilitation's lock (see {@link HabilitationService#lock}); null if unknown. */
    private static Uni<Token> lockedToken(UUID jti) {
        return HabilitationService.habilitationOfToken(jti).flatMap(habilitationId -> habilitationId == null
                ? Uni.createFrom().nullItem()
                : HabilitationService.lock(habilitationId).chain(() -> Token.<Token>findById(jti)));
    }

    /** Signs a token for a loaded habilitation; the caller persists the returned row. */
    public Issued sign(Loaded loaded, String kind, List<String> scopes, Instant exp, String clientId, Instant now) {
        Habilitation h = loaded.habilitation();
        UUID jti = UUID.randomUUID();
        JwtClaims claims = new JwtClaims();
        claims.setAudience(JwtService.AUDIENCE_GATEWAY);
        claims.setSubject(h.id.toString());
        claims.setJwtId(jti.toString());
        claims.setClaim("uid", jti.toString());
        claims.setClaim("siret", loaded.organisation().siret);
        claims.setStringListClaim("scopes", scopes);
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(exp.getEpochSecond()));
        claims.setClaim("version", "1.0");
        claims.setClaim("api_kind", h.apiKind);
        if (clientId != null) {
            claims.setClaim("client_id", clientId);
        }
        JwtService.Signed signed = jwts.sign(Token.KIND_API.equals(kind) ? JwtService.TYP_API : JwtService.TYP_ACCESS, claims);
        Token t = new Token();
        t.jti = jti;
        t.habilitationId = h.id;
        t.kind = kind;
        t.oauthClientId = clientId;
        t.kid = signed.kid();
        t.scopes = List.copyOf(scopes);
        t.issuedAt = Instant.ofEpochSecond(now.getEpochSecond());
        t.expiresAt = Instant.ofEpochSecond(exp.getEpochSecond());
        t.endsAt = t.expiresAt;
        if (Token.KIND_API.equals(kind)) {
            // Kept only until the partner's one-time retrieval from the dashboard.
            t.tokenValueEnc = box.seal(signed.value().getBytes(StandardCharsets.UTF_8), jti.toString());
        }
        return new Issued(t, signed.value(), state(t, loaded));
    }

    Instant apiTokenEnd(Instant now) {
        int months = Math.min(config.apiToken().validityMonths(), MAX_VALIDITY_MONTHS);
        return now.atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
    }

    // ---------------------------------------------------------------- revocation

    /** PostgreSQL, then the Redis copy, then the pub/sub message; answers once all three are done. */
    public Uni<TokenView> revoke(UUID jti, String actor, String reason) {
        if (reason == null || reason.isBlank()) {
            return Uni.createFrom().failure(TokenErrors.invalid("reason", "Le champ « reason » est obligatoire pour une révocation."));
        }
        long started = System.nanoTime();
        return Panache.withTransaction(() -> lockedToken(jti).flatMap(t -> {
            if (t == null) {
                return Uni.createFrom().failure(TokenErrors.notFound("Jeton inconnu : " + jti));
            }
            if (t.isRevoked()) {
                return Uni.createFrom().failure(TokenErrors.outOfOrder("Ce jeton est déjà révoqué depuis " + t.revokedAt + "."));
            }
            Instant now = time.now();
            t.revokedAt = now;
            t.revocationReason = reason;
            t.tokenValueEnc = null;
            return HabilitationService.load(t.habilitationId).flatMap(loaded -> audit.record(
                            AdminAction.of(actor, "revoke_token", "token", jti.toString(), reason)
                                    .withContext(loaded.habilitation().id.toString(), jti.toString(),
                                            loaded.organisation().siret, loaded.habilitation().apiKind))
                    .map(ignored -> Map.entry(TokenView.of(t, now), state(t, loaded))));
        })).call(done -> propagateRevocations(List.of(done.getValue()))
                        .onFailure().transform(f -> {
                            LOG.errorf("Revocation of %s committed but not propagated to Redis: %s", jti, f.toString());
                            return TokenErrors.propagationPending(jti.toString());
                        }))
                .invoke(() -> revocationTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS))
                .map(Map.Entry::getKey);
    }

    /** Inside the caller's transaction: revokes every unrevoked token of the habilitation. */
    public Uni<List<TokenState>> revokeAllInTransaction(Loaded loaded, String actor, String reason) {
        return revokeInTransaction(Token.list("habilitationId = ?1 and revokedAt is null", loaded.habilitation().id),
                loaded, actor, reason);
    }

    /** Inside the caller's transaction: revokes the live access tokens of one OAuth2 client. */
    public Uni<List<TokenState>> revokeClientTokensInTransaction(String clientId, Loaded loaded, String actor, String reason) {
        return revokeInTransaction(Token.list("oauthClientId = ?1 and revokedAt is null and endsAt > ?2", clientId, time.now()),
                loaded, actor, reason);
    }

    private Uni<List<TokenState>> revokeInTransaction(Uni<List<Token>> tokens, Loaded loaded, String actor, String reason) {
        Instant now = time.now();
        return tokens
                .flatMap(list -> {
                    List<TokenState> states = new ArrayList<>();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Token t : list) {
                        t.revokedAt = now;
                        t.revocationReason = reason;
                        t.tokenValueEnc = null;
                        states.add(state(t, loaded));
                        chain = chain.chain(() -> audit.record(AdminAction.of(actor, "revoke_token", "token",
                                        t.jti.toString(), reason)
                                .withContext(loaded.habilitation().id.toString(), t.jti.toString(),
                                        loaded.organisation().siret, loaded.habilitation().apiKind)));
                    }
                    return chain.replaceWith(states);
                });
    }

    public Uni<Void> propagateRevocations(List<TokenState> states) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (TokenState s : states) {
            chain = chain.chain(() -> copy.write(s)).chain(() -> copy.publishRevocation(s.jti()));
        }
        return chain;
    }

    // ---------------------------------------------------------------- reads

    /** The gateway's fallback when the Redis copy misses; fills the copy too. */
    public Uni<TokenState> state(UUID jti) {
        return Panache.withSession(() -> Token.<Token>findById(jti).flatMap(t -> {
            if (t == null) {
                return Uni.createFrom().failure(TokenErrors.notFound("Jeton inconnu : " + jti));
            }
            return HabilitationService.load(t.habilitationId).map(loaded -> state(t, loaded));
        })).call(copy::write);
    }

    /** Revoked tokens (API and access tokens) whose JWT {@code exp} is still in the future. */
    public Uni<List<Token>> revokedUnexpired() {
        return Panache.withSession(() -> Token.<Token>list(
                "revokedAt is not null and expiresAt > ?1 order by revokedAt", time.now()));
    }

    /** One page of the tokens {@code query} selects, newest first (admin list). */
    public Uni<PageView<TokenView>> search(AdminQuery query, PageRequest page) {
        Instant now = time.now();
        return Panache.withSession(() -> query.page(
                q -> Token.<Token>find(q.hql(), Sort.descending("issuedAt", "jti"), q.parameters()), page,
                list -> Uni.createFrom().item(list.stream().map(t -> TokenView.of(t, now)).toList())));
    }

    /** Rewrites the Redis copy of every token that the gateway may still be shown. */
    public Uni<Integer> republishAll() {
        Instant now = time.now();
        return Panache.withSession(() -> Token.<Token>list("endsAt > ?1", now).flatMap(list -> {
            if (list.isEmpty()) {
                return Uni.createFrom().item(List.<TokenState>of());
            }
            Set<UUID> habIds = list.stream().map(t -> t.habilitationId).collect(Collectors.toSet());
            return Habilitation.<Habilitation>list("id in ?1", habIds).flatMap(habs -> {
                Set<UUID> orgIds = habs.stream().map(h -> h.organisationId).collect(Collectors.toSet());
                return Organisation.<Organisation>list("id in ?1", orgIds).map(orgs -> {
                    Map<UUID, Organisation> orgById = orgs.stream().collect(Collectors.toMap(o -> o.id, Function.identity()));
                    Map<UUID, Habilitation> habById = habs.stream().collect(Collectors.toMap(h -> h.id, Function.identity()));
                    return list.stream().map(t -> {
                        Habilitation h = habById.get(t.habilitationId);
                        return state(t, new Loaded(h, orgById.get(h.organisationId)));
                    }).toList();
                });
            });
        })).flatMap(states -> copy.writeAll(states).replaceWith(states.size()))
                .invoke(n -> LOG.debugf("Redis copy of %d token(s) rewritten", n));
    }

    public static TokenState state(Token t, Loaded loaded) {
        Habilitation h = loaded.habilitation();
        return new TokenState(t.jti.toString(), t.isRevoked() ? TokenState.REVOKED : TokenState.ACTIVE,
                t.endsAt.getEpochSecond(), t.scopes, h.allowedIps, h.rateLimitPerMinute, h.id.toString(),
                loaded.organisation().siret, h.apiKind, h.periods, h.suspended);
    }
}
