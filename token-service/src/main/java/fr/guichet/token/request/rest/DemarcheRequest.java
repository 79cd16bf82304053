package fr.guichet.token.request.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.guichet.token.habilitation.Contact;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * Body of {@code POST /me/habilitation-requests}: a partner's request for a new démarche, the
 * fields of API Entreprise's "demande d'adhésion" (DataPass). The organisation and the
 * {@code demandeur} contact are the session's, never the body's.
 *
 * @param expectedVolumePerDay calls a day the partner expects (1 to 10,000,000)
 * @param recipients           who receives the data (services, agents), free text
 * @param contacts             the {@code technique} and {@code metier} contacts
 * @param termsAccepted        must be {@code true}: the partner accepts the terms of use
 */
@RegisterForReflection
public record DemarcheRequest(
        @JsonProperty("api_kind") String apiKind,
        String intitule,
        @JsonProperty("legal_basis") String legalBasis,
        List<String> scopes,
        @JsonProperty("expected_volume_per_day") Integer expectedVolumePerDay,
        String recipients,
        RequestContacts contacts,
        @JsonProperty("terms_accepted") Boolean termsAccepted) {

    /** The two contacts a partner names; the demandeur is the person of the session. */
    @RegisterForReflection
    public record RequestContacts(Contact technique, Contact metier) {
    }
}
