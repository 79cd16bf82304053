package fr.guichet.gateway.quota;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.gateway.config.GatewayConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Revocations survive a restart: the local set is kept in a file read first at start. */
@QuarkusTest
class RevokedTokensTest {

    @Inject
    RevokedTokens revoked;
    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    TokenServiceClient tokenService;
    @Inject
    ObjectMapper mapper;
    @Inject
    GatewayConfig config;

    @Test
    void aRestartedReplicaRefusesWhatItKnewWithoutRedisNorTokenService() throws Exception {
        String jti = UUID.randomUUID().toString();
        String ended = UUID.randomUUID().toString();
        revoked.add(jti, Instant.now().getEpochSecond() + 3600);
        revoked.add(ended, Instant.now().getEpochSecond() - 1);
        // token-service is unreachable in this module's tests: the refresh fails, the set stays and is written.
        revoked.refresh();
        assertTrue(Files.readString(revoked.file()).contains(jti));

        RevokedTokens restarted = new RevokedTokens(redis, tokenService, mapper, config);
        restarted.loadFile();
        assertTrue(restarted.isRevoked(jti), "read back from " + restarted.file());
        assertFalse(restarted.isRevoked(ended), "a token past its end needs no refusal any more");
        assertFalse(restarted.loadedFromTokenService());
    }
}
