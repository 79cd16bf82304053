package fr.guichet.common.provider;

import java.util.Locale;
import java.util.UUID;

/**
 * Where a provider leaves a document for the gateway's {@code /proxy/files/{uuid}}
 * (docs/internal-contracts.md, "Gateway → providers"): the bytes under {@code guichet:file:{uuid}}
 * in the Redis both share, expiring with the document.
 */
public final class DocumentKeys {

    /** Redis key prefix of stored documents. */
    public static final String PREFIX = "guichet:file:";
    /** Public path of a document below the gateway's base URL. */
    public static final String PROXY_PATH = "/proxy/files/";

    private DocumentKeys() {
    }

    /** The Redis key of document {@code uuid} (lower-case, as the gateway reads it). */
    public static String key(String uuid) {
        return PREFIX + uuid.toLowerCase(Locale.ROOT);
    }

    public static String key(UUID uuid) {
        return key(uuid.toString());
    }
}
