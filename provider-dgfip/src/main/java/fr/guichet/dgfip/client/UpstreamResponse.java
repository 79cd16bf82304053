package fr.guichet.dgfip.client;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A successful DGFIP answer, as the operations read it: body bytes and content type. */
public record UpstreamResponse(int status, String contentType, byte[] body) {

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean isJson() {
        return contentType != null && contentType.toLowerCase().contains("json");
    }

    public boolean isPdf() {
        return contentType != null && contentType.toLowerCase().contains("application/pdf");
    }

    public Optional<String> mediaType() {
        return Optional.ofNullable(contentType);
    }
}
