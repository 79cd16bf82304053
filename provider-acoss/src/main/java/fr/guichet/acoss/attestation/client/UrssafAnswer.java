package fr.guichet.acoss.attestation.client;

import java.util.List;
import java.util.Map;

/** What URSSAF answered to a demand of attestation de vigilance, once its errors are sorted out. */
public sealed interface UrssafAnswer {

    /** The attestation, as the PDF bytes URSSAF sent (base64-decoded). */
    record Delivered(byte[] pdf) implements UrssafAnswer {
    }

    /** URSSAF refuses to deliver it (FUNC502): the entity is not up to date with its contributions. */
    record Refused(List<Map<String, Object>> providerErrors) implements UrssafAnswer {
    }
}
