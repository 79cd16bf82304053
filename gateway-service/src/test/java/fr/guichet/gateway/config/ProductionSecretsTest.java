package fr.guichet.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.common.security.ServiceCredentials;
import fr.guichet.gateway.trace.TraceRecorder;
import io.quarkus.runtime.LaunchMode;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the gateway requires in production (launch mode NORMAL) before it starts. */
class ProductionSecretsTest {

    static final String SECRET = "a-service-secret-of-at-least-32-bytes!!";

    @Test
    void theTraceSaltIsRequiredInProduction() {
        GatewayConfig.Trace trace = stub(GatewayConfig.Trace.class, "salt", Optional.empty(), "personalParameters", List.of());
        GatewayConfig config = stub(GatewayConfig.class, "trace", trace);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new TraceRecorder(null, config, LaunchMode.NORMAL));
        assertTrue(e.getMessage().contains("guichet.gateway.trace.salt"), e.getMessage());
    }

    @Test
    void theServiceSecretIsRequiredInProduction() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ServiceAuth(Optional.empty(), LaunchMode.NORMAL));
        assertTrue(e.getMessage().contains("guichet.service-auth.secret"), e.getMessage());
    }

    @Test
    void tokenServiceCallsCarryACredentialForTokenServiceReusedAcrossCalls() {
        ServiceAuth auth = new ServiceAuth(Optional.of(SECRET), LaunchMode.NORMAL);
        String credential = auth.credentialFor(ServiceAuth.TOKEN_SERVICE).orElseThrow();
        assertEquals("gateway", new ServiceCredentials(SECRET).verify(credential, "token-service"));
        assertSame(credential, auth.credentialFor(ServiceAuth.TOKEN_SERVICE).orElseThrow(), "not signed per request");
    }

    /** A config interface answering the given methods (name, value pairs); anything else is null. */
    @SuppressWarnings("unchecked")
    static <T> T stub(Class<T> type, Object... answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            for (int i = 0; i < answers.length; i += 2) {
                if (answers[i].equals(method.getName())) {
                    return answers[i + 1];
                }
            }
            return null;
        });
    }
}
