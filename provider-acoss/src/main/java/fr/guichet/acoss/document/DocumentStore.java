package fr.guichet.acoss.document;

import fr.guichet.acoss.config.AcossConfig;
import fr.guichet.common.provider.ProviderConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Short-lived documents handed to the gateway: the bytes go to Redis under {@code guichet:file:{uuid}}
 * with a TTL of {@code expires_in}, and the caller gets the gateway's {@code /proxy/files/{uuid}} URL.
 */
@ApplicationScoped
public class DocumentStore {

    public static final String KEY_PREFIX = "guichet:file:";

    private static final Logger LOG = Logger.getLogger(DocumentStore.class);

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
        try {
            files.setex(KEY_PREFIX + id, ttlSeconds, content);
        } catch (RuntimeException e) {
            // Without Redis the gateway could not serve the URL: fail the call, never hand out a dead link.
            LOG.error("Document storage in Redis failed", e);
            throw new ApiException(503, ErrorCatalogue.standard().error("00502"));
        }
        return new StoredDocument(id, publicBaseUrl + "/proxy/files/" + id, ttlSeconds);
    }

    public record StoredDocument(String id, String url, long expiresIn) {
    }
}
