package fr.guichet.providerkit.upstream;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An upstream's HTTP answer, whatever its status: interpreting it (404, 401, business errors) is
 * the provider's job. {@code headers} are keyed in lower case.
 */
public record UpstreamResponse(int status, Map<String, List<String>> headers, byte[] body) {

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public Optional<String> contentType() {
        return header("Content-Type");
    }

    /** The body as UTF-8 text, empty when there is none. */
    public String text() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /** {@code Retry-After} in seconds when it is a positive number (RFC 9110 also allows a date, not used). */
    public Optional<Long> retryAfterSeconds() {
        return header("Retry-After").map(String::strip).filter(v -> v.matches("\\d{1,9}")).map(Long::parseLong)
                .filter(v -> v > 0);
    }

    /** 5xx and 429: the upstream is failing or shedding load; these count against its circuit breaker. */
    public boolean isUpstreamFailure() {
        return status >= 500 || status == 429;
    }
}
