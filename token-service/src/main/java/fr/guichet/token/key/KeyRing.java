package fr.guichet.token.key;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;

/**
 * In-memory view of the live (non-retired) keys: the newest signs, all of them verify.
 * Replaced atomically by {@link KeyService} after each change and on reconciliation.
 */
@ApplicationScoped
public class KeyRing {

    /** The key that signs, and the public keys that verify. */
    public record Snapshot(String signingKid, PrivateKey signingKey, List<JsonWebKey> publicKeys) {
    }

    private volatile Snapshot snapshot = new Snapshot(null, null, List.of());

    void replace(Snapshot next) {
        this.snapshot = next;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public Optional<Snapshot> signing() {
        Snapshot s = snapshot;
        return s.signingKey() == null ? Optional.empty() : Optional.of(s);
    }

    /** The JWKS document: {@code {"keys": [...]}} with public parts only. */
    public Map<String, Object> jwks() {
        JsonWebKeySet set = new JsonWebKeySet(snapshot.publicKeys());
        return Map.of("keys", set.getJsonWebKeys().stream()
                .map(k -> k.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)).toList());
    }
}
