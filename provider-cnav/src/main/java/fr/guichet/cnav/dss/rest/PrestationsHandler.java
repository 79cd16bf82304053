package fr.guichet.cnav.dss.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.cnav.dss.client.Prestation;
import fr.guichet.cnav.dss.service.PrestationService;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Production mode of the sixteen CNAV operations: each prestation's civility route and its
 * FranceConnect twin, answered alike (the gateway has turned the FranceConnect token into the
 * civility parameters).
 */
@ApplicationScoped
public class PrestationsHandler implements OperationHandler {

    private static final Set<String> OPERATIONS = Arrays.stream(Prestation.values())
            .flatMap(p -> Stream.of(p.civilityOperation(), p.franceConnectOperation()))
            .collect(Collectors.toUnmodifiableSet());

    private final PrestationService service;
    private final ObjectMapper json;

    public PrestationsHandler(PrestationService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    @Override
    public Set<String> operations() {
        return OPERATIONS;
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        Prestation prestation = Prestation.ofOperation(call.operationId())
                .orElseThrow(() -> new IllegalStateException("Not a CNAV operation: " + call.operationId()));
        try {
            return ProviderAnswer.json(200, json.writeValueAsString(service.answer(prestation, call.query())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Answer not serialisable", e);
        }
    }
}
