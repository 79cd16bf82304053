package fr.guichet.providerkit.document;

import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import fr.guichet.common.provider.DocumentKeys;
import fr.guichet.common.provider.ProviderConfig;
import fr.guichet.common.trace.UuidV7;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Short-lived documents (PDF) handed to the gateway (docs/internal-contracts.md): the bytes go to
 * the shared Redis under {@code guichet:file:{uuid}} (UUID v7: time-ordered, 74 random bits)
 * for {@code ttl}, and the caller gets the gateway's {@code /proxy/files/{uuid}} URL.
 * Without Redis the gateway could not serve the URL: the call fails with 503 00502 rather
 * than hand out a dead link.
 */
@Singleton
public class DocumentStore {

    private static final Logger LOG = Logger.getLogger(DocumentStore.class);

    private final RedisDataSource redis;
    private final String publicBaseUrl;

    /** A stored document: its id, public URL and the seconds before it expires ({@code expires_in}). */
    public record StoredDocument(String uuid, String url, long expiresIn) {
    }

    public DocumentStore(RedisDataSource redis, ProviderConfig provider) {
        this.redis = redis;
        this.publicBaseUrl = provider.publicBaseUrl().replaceAll("/+$", "");
    }

    /** Stores {@code content} for {@code ttl} (at least one second). */
    public StoredDocument store(byte[] content, Duration ttl) {
        String uuid = UuidV7.next().toString();
        long seconds = Math.max(1, ttl.toSeconds());
        try {
            ValueCommands<String, byte[]> files = redis.value(byte[].class);
            files.setex(DocumentKeys.key(uuid), seconds, content);
        } catch (RuntimeException e) {
            LOG.error("Document storage in Redis failed", e);
            throw new ApiException(503, ErrorCatalogue.standard().error("00502"));
        }
        return new StoredDocument(uuid, publicBaseUrl + DocumentKeys.PROXY_PATH + uuid, seconds);
    }
}
