package fr.guichet.insee.client;

import java.util.Optional;

/** One HTTP answer of INSEE's Sirene API, before interpretation. */
public record SireneResponse(int status, String body, Optional<String> location, Optional<String> retryAfter) {
}
