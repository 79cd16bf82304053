package fr.guichet.token.key;

import fr.guichet.token.audit.AuditService;
import fr.guichet.token.audit.AdminAction;
import fr.guichet.token.config.TokenConfig;
import fr.guichet.token.error.TokenErrors;
import fr.guichet.token.time.TimeSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/** Creation, rotation and retirement of ES256 signing keys, persisted in PostgreSQL. */
@ApplicationScoped
public class KeyService {

    private static final Logger LOG = Logger.getLogger(KeyService.class);
    /** Serialises first-start key creation between instances sharing the database. */
    private static final long CREATE_LOCK = 0x6775696368L;

    @Inject
    KeyRing ring;

    @Inject
    SecretBox box;

    @Inject
    TimeSource time;

    @Inject
    AuditService audit;

    @Inject
    TokenConfig config;

    /** Every replica picks up rotations and retirements made elsewhere within this period. */
    @Scheduled(every = "${guichet.token.keys.refresh-every:10s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return reload().onFailure().invoke(f -> LOG.warnf("Key ring not refreshed: %s", f.toString()))
                .onFailure().recoverWithNull();
    }

    /** At start-up: a key is created if none is live, then the ring is loaded. */
    public Uni<Void> ensureSigningKey() {
        return Panache.withTransaction(() -> Panache.getSession()
                .flatMap(s -> s.createNativeQuery("select pg_advisory_xact_lock(" + CREATE_LOCK + ")").getSingleResult())
                .flatMap(ignored -> SigningKey.count("retiredAt is null"))
                .flatMap(count -> {
                    if (count > 0) {
                        return Uni.createFrom().voidItem();
                    }
                    LOG.info("No live signing key: creating the first one");
                    return newKey().persist().replaceWithVoid();
                }))
                .chain(this::reload);
    }

    /** Makes a new signing key; older keys keep verifying until retired. */
    public Uni<SigningKey> rotate(String actor, String reason) {
        return Panache.withTransaction(() -> {
            SigningKey key = newKey();
            return key.<SigningKey>persist()
                    .call(k -> audit.record(AdminAction.of(actor, "rotate_signing_key", "signing_key", k.kid, reason)));
        }).call(this::reload);
    }

    /** Takes a key out of the JWKS: tokens it signed no longer verify. The signing key cannot be retired. */
    public Uni<SigningKey> retire(String kid, String actor, String reason) {
        return Panache.withTransaction(() -> SigningKey.<SigningKey>findById(kid).flatMap(key -> {
            if (key == null) {
                return Uni.createFrom().failure(TokenErrors.notFound("Clé de signature inconnue : " + kid));
            }
            if (key.retiredAt != null) {
                return Uni.createFrom().failure(TokenErrors.outOfOrder("La clé " + kid + " est déjà retirée."));
            }
            return SigningKey.<SigningKey>find("retiredAt is null order by createdAt desc").firstResult().flatMap(newest -> {
                if (newest.kid.equals(kid)) {
                    return Uni.createFrom().failure(TokenErrors.outOfOrder(
                            "La clé " + kid + " signe actuellement : effectuez une rotation avant de la retirer."));
                }
                if (newest.createdAt.plus(config.keys().retireGrace()).isAfter(time.now())) {
                    return Uni.createFrom().failure(TokenErrors.outOfOrder("La clé " + newest.kid
                            + " n'est en service que depuis " + newest.createdAt + " : attendez "
                            + config.keys().retireGrace().toSeconds()
                            + " secondes après la rotation pour que toutes les instances l'utilisent."));
                }
                key.retiredAt = time.now();
                return audit.record(AdminAction.of(actor, "retire_signing_key", "signing_key", kid, reason))
                        .replaceWith(key);
            });
        })).call(this::reload);
    }

    public Uni<List<SigningKey>> list() {
        return Panache.withSession(() -> SigningKey.<SigningKey>list("order by createdAt desc"));
    }

    /** Reloads the ring from PostgreSQL (after a change here or on another instance). */
    public Uni<Void> reload() {
        return Panache.withSession(() -> SigningKey.<SigningKey>list("retiredAt is null order by createdAt desc"))
                .invoke(keys -> {
                    if (keys.isEmpty()) {
                        ring.replace(new KeyRing.Snapshot(null, null, List.of()));
                        return;
                    }
                    List<JsonWebKey> publics = new ArrayList<>();
                    for (SigningKey k : keys) {
                        try {
                            publics.add(JsonWebKey.Factory.newJwk(k.publicJwk));
                        } catch (JoseException e) {
                            throw new IllegalStateException("Unreadable public key " + k.kid, e);
                        }
                    }
                    SigningKey newest = keys.get(0);
                    ring.replace(new KeyRing.Snapshot(newest.kid, privateKey(newest), List.copyOf(publics)));
                })
                .replaceWithVoid();
    }

    private PrivateKey privateKey(SigningKey key) {
        try {
            byte[] pkcs8 = box.open(key.privateKeyEnc, key.kid);
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable private key " + key.kid, e);
        }
    }

    private SigningKey newKey() {
        try {
            EllipticCurveJsonWebKey jwk = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            Instant now = time.now();
            String kid = "guichet-" + now.getEpochSecond() + "-" + UUID.randomUUID().toString().substring(0, 8);
            jwk.setKeyId(kid);
            jwk.setAlgorithm(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
            jwk.setUse("sig");
            SigningKey key = new SigningKey();
            key.kid = kid;
            key.algorithm = AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256;
            key.publicJwk = jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
            key.privateKeyEnc = box.seal(jwk.getPrivateKey().getEncoded(), kid);
            key.createdAt = now;
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot generate a P-256 key", e);
        }
    }
}
