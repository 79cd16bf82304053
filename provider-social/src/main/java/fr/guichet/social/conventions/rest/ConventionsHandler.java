package fr.guichet.social.conventions.rest;

import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import fr.guichet.social.conventions.client.FabriqueClient;
import fr.guichet.social.conventions.mapping.ConventionsCollectives;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** The collective agreements of an establishment in production mode (Fabrique numérique des ministères sociaux). */
@ApplicationScoped
public class ConventionsHandler implements OperationHandler {

    static final String CONVENTIONS = "api_entreprise_v3_fabrique_numerique_ministeres_sociaux_conventions_collectives";

    private final FabriqueClient client;

    public ConventionsHandler(FabriqueClient client) {
        this.client = client;
    }

    @Override
    public Set<String> operations() {
        return Set.of(CONVENTIONS);
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        return ProviderAnswer.json(200,
                ConventionsCollectives.body(client.conventions(call.declaration(), call.variable("siret"))).toString());
    }
}
