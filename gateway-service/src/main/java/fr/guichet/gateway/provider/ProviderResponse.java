package fr.guichet.gateway.provider;

/** A provider's answer, relayed as is: status, content type, body, cache marker. */
public record ProviderResponse(int status, String contentType, byte[] body, String cache) {
}
