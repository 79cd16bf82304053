package fr.guichet.dgfip.document;

import fr.guichet.common.trace.UuidV7;
import fr.guichet.dgfip.config.DgfipConfig;
import fr.guichet.common.provider.ProviderConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Short-lived documents (PDF) shared with the gateway: bytes under {@code guichet:file:{uuid}} with a
 * TTL; the caller downloads them from the gateway's {@code /proxy/files/{uuid}} until they expire.
 */
@ApplicationScoped
public class DocumentStore {

    public static final String KEY_PREFIX = "guichet:file:";

    /** A stored document: its public URL and the seconds before it expires. */
    public record StoredDocument(String uuid, String url, long expiresIn) {
    }

    private final ValueCommands<String, byte[]> values;
    private final String publicBaseUrl;
    private final Duration ttl;

    public DocumentStore(RedisDataSource redis, ProviderConfig provider, DgfipConfig config) {
        this.values = redis.value(byte[].class);
        this.publicBaseUrl = provider.publicBaseUrl().replaceAll("/+$", "");
        this.ttl = config.documents().ttl();
    }

    public StoredDocument store(byte[] pdf) {
        String uuid = UuidV7.next().toString();
        values.set(KEY_PREFIX + uuid, pdf, new SetArgs().ex(ttl));
        return new StoredDocument(uuid, publicBaseUrl + "/proxy/files/" + uuid, ttl.toSeconds());
    }
}
