package fr.guichet.status.dsnj.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import fr.guichet.status.answer.Answers;
import fr.guichet.status.civility.Civility;
import fr.guichet.status.dsnj.client.DsnjClient;
import fr.guichet.status.dsnj.mapping.ServiceNational;
import fr.guichet.status.upstream.StatusUpstream;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Production mode of the DSNJ's two operations, answered alike: the civility parameters (given by
 * the partner, or the FranceConnect identity forwarded by the gateway) asked to the DSNJ. A status
 * API Particulier does not know is 502 {@code 39999}.
 */
@ApplicationScoped
public class ServiceNationalHandler implements OperationHandler {

    static final String WITH_CIVILITY = "api_particulier_v3_dsnj_service_national_with_civility";
    static final String WITH_FRANCE_CONNECT = "api_particulier_v3_dsnj_service_national_with_france_connect";

    private final DsnjClient client;
    private final ObjectMapper json;

    public ServiceNationalHandler(DsnjClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    @Override
    public Set<String> operations() {
        return Set.of(WITH_CIVILITY, WITH_FRANCE_CONNECT);
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        ServiceNational data = ServiceNational.from(client.serviceNational(Civility.from(call)))
                .orElseThrow(StatusUpstream.DSNJ::unknownAnswer);
        return Answers.ok(json, data);
    }
}
