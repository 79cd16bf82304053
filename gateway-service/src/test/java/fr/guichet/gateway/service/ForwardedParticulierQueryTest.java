package fr.guichet.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.gateway.auth.CallerToken;
import fr.guichet.gateway.catalogue.ParticulierRoutes;
import fr.guichet.gateway.catalogue.Route;
import fr.guichet.gateway.franceconnect.FranceConnectCaller;
import fr.guichet.gateway.validation.QueryParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What an API Particulier call forwards to its adapter: declared parameters, and FranceConnect's identity first. */
class ForwardedParticulierQueryTest {

    final Route fc = ParticulierRoutes.route("api_particulier_v3_cnav_quotient_familial_with_france_connect");
    final Route civility = ParticulierRoutes.route("api_particulier_v3_cnav_quotient_familial_with_civility");

    @Test
    void onlyDeclaredParametersAreForwardedWithTheirWireNames() {
        QueryParameters q = QueryParameters.parse("recipient=13002526500013&nomNaissance=DURAND&prenoms%5B%5D=JEAN"
                + "&prenoms%5B%5D=MARIE%20CLAIRE&context=x&sexeEtatCivil=M&codeCogInseePaysNaissance=99100&extra=1");
        assertEquals("recipient=13002526500013&nomNaissance=DURAND&prenoms%5B%5D=JEAN&prenoms%5B%5D=MARIE%20CLAIRE"
                        + "&sexeEtatCivil=M&codeCogInseePaysNaissance=99100",
                GatewayService.forwarded(civility, q, null).forwardable());
    }

    @Test
    void aFranceConnectIdentityComesFirstAndCannotBeOverridden() {
        Map<String, List<String>> identity = new LinkedHashMap<>();
        identity.put("prenoms[]", List.of("Angela", "Claire"));
        identity.put("nomNaissance", List.of("DUBOIS"));
        identity.put("anneeDateNaissance", List.of("1962"));
        identity.put("sexeEtatCivil", List.of("F"));
        identity.put("codeCogInseePaysNaissance", List.of("99100"));
        FranceConnectCaller caller = new FranceConnectCaller(new CallerToken("jti", "hab", "13002526500013",
                Set.of("cnaf_quotient_familial"), CallerToken.TYPE_API, "particulier", 0), "fc:abc", identity);
        QueryParameters q = QueryParameters.parse("recipient=13002526500013&annee=2025&mois=3&nomNaissance=AUTRE");
        assertEquals("prenoms%5B%5D=Angela&prenoms%5B%5D=Claire&nomNaissance=DUBOIS&anneeDateNaissance=1962&sexeEtatCivil=F"
                        + "&codeCogInseePaysNaissance=99100&recipient=13002526500013&annee=2025&mois=3",
                GatewayService.forwarded(fc, q, caller).forwardable());
    }
}
