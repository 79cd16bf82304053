package fr.guichet.insee.sirene.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.insee.sirene.repository.ResponseCache;
import fr.guichet.insee.metrics.InseeMetrics;
import fr.guichet.insee.sirene.service.InseeAnswer.CacheStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Answers one INSEE operation in production mode: INSEE itself behind the response cache
 * ({@code Cache-Control: no-cache} from the caller skips the cached copy, {@code no-store} also
 * keeps the answer out of it). Sandbox mode is the provider kit's. The identifier is the
 * gateway's checked one.
 */
@ApplicationScoped
public class InseeService {

    private final SireneService sirene;
    private final ResponseCache cache;
    private final ObjectMapper json;
    private final InseeMetrics metrics;

    public InseeService(SireneService sirene, ResponseCache cache, ObjectMapper json, InseeMetrics metrics) {
        this.metrics = metrics;
        this.sirene = sirene;
        this.cache = cache;
        this.json = json;
    }

    public InseeAnswer fetch(InseeOperation operation, String identifier, CacheDirective directive) {
        if (!cache.enabled()) {
            return new InseeAnswer(200, serialise(sirene.fetch(operation, identifier)), null);
        }
        if (directive == CacheDirective.USE) {
            Optional<String> cached = cache.get(operation, identifier);
            if (cached.isPresent()) {
                metrics.cache(operation, CacheStatus.HIT);
                return new InseeAnswer(200, cached.get(), CacheStatus.HIT);
            }
        }
        ObjectNode fetched = sirene.fetch(operation, identifier);
        String body = serialise(fetched);
        if (directive != CacheDirective.NO_STORE) {
            cache.put(operation, identifier, body, SireneService.concernsNaturalPerson(fetched));
        }
        metrics.cache(operation, CacheStatus.MISS);
        return new InseeAnswer(200, body, CacheStatus.MISS);
    }

    private String serialise(ObjectNode body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
