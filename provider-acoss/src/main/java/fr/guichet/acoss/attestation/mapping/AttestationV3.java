package fr.guichet.acoss.attestation.mapping;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code data} of the v3 attestation de vigilance: only the document. */
@RegisterForReflection
public record AttestationV3(@JsonProperty("document_url") String documentUrl,
                            @JsonProperty("expires_in") long expiresIn) {
}
