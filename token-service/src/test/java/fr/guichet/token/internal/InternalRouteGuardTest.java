package fr.guichet.token.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.token.config.ServiceAuthConfig;
import io.quarkus.runtime.LaunchMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Production without the service secret would leave /internal open to anyone: it must not start. */
class InternalRouteGuardTest {

    private static ServiceAuthConfig secret(String value) {
        return () -> Optional.ofNullable(value);
    }

    @Test
    void productionWithoutTheServiceSecretRefusesToStart() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new InternalRouteGuard(secret(null), LaunchMode.NORMAL));
        assertTrue(refused.getMessage().contains("GUICHET_SERVICE_AUTH_SECRET"));
        assertThrows(IllegalStateException.class, () -> new InternalRouteGuard(secret("  "), LaunchMode.NORMAL));
    }

    @Test
    void productionWithTheSecretAndDevWithoutItStart() {
        assertDoesNotThrow(() -> new InternalRouteGuard(secret("0123456789abcdef0123456789abcdef"), LaunchMode.NORMAL));
        assertDoesNotThrow(() -> new InternalRouteGuard(secret(null), LaunchMode.DEVELOPMENT));
    }
}
