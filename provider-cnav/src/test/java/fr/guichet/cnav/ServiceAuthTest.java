package fr.guichet.cnav;

import fr.guichet.testing.provider.ServiceAuthContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;

/** {@link ServiceAuthContract} for provider-cnav: only the gateway's credential for it opens its data routes. */
@QuarkusTest
@TestProfile(ServiceAuthContract.WithServiceSecret.class)
class ServiceAuthTest extends ServiceAuthContract {

    @Override
    protected String serviceName() {
        return "provider-cnav";
    }

    @Override
    protected String dataPath() {
        return "/v3/dss/allocation_adulte_handicape/identite";
    }

    @Override
    protected Map<String, ?> queryParams() {
        // A case of api_particulier_v3_cnav_allocation_adulte_handicape_with_civility answering 200.
        return Map.of("recipient", "13002526500013", "nomUsage", "DUPONT", "nomNaissance", "MARTIN",
                "prenoms[]", List.of("PIERRE", "RICHARD"), "anneeDateNaissance", 1987, "moisDateNaissance", 12,
                "jourDateNaissance", 1, "codeCogInseeCommuneNaissance", "08480", "codeCogInseePaysNaissance", "99100",
                "sexeEtatCivil", "M");
    }

    @Override
    protected String upstream() {
        return "cnav";
    }
}
