package fr.guichet.acoss.document;

import fr.guichet.acoss.config.AcossConfig;
import fr.guichet.acoss.config.ProviderConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Short-lived documents handed to the gateway: the bytes go to Redis under {@code guichet:file:{uuid}}
 * with a TTL of {@code expires_in}, and the caller gets the gateway's {@code /proxy/files/{uuid}} URL.
 */
@ApplicationScoped
public class DocumentStore {

    public static final String KEY_PREFIX = "guichet:file:";

    private final ValueCommands<String, byte[]> files;
    private final String publicBaseUrl;
    private final long ttlSeconds;

    public DocumentStore(RedisDataSource redis, ProviderConfig provider, AcossConfig config) {
        this.files = redis.value(byte[].class);
        String base = provider.publicBaseUrl();
        this.publicBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.ttlSeconds = config.documentTtl().toSeconds();
    }

    public StoredDocument store(byte[] content) {
        // A random (not time-ordered) id: the URL is the only key to the document.
        String id = UUID.randomUUID().toString();
        files.setex(KEY_PREFIX + id, ttlSeconds, content);
        return new StoredDocument(id, publicBaseUrl + "/proxy/files/" + id, ttlSeconds);
    }

    public record StoredDocument(String id, String url, long expiresIn) {
    }
}
