package fr.guichet.gateway.franceconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** FranceConnect identity → civility wire parameters, and the scope rules of the reference. */
class IdentityMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode identity() {
        ObjectNode i = JSON.createObjectNode();
        i.put("active", true);
        i.put("aud", "client");
        i.put("scope", "openid identite_pivot cnaf_quotient_familial");
        i.put("gender", "female");
        i.put("family_name", "Dupont");
        i.put("given_name", "Marie Claire");
        i.putArray("given_name_array").add("Marie").add("Claire-Anne");
        i.put("birthdate", "1987-03-09");
        i.put("birthplace", "75111");
        i.put("birthcountry", "99100");
        return i;
    }

    @Test
    void mapsEveryClaimToItsWireParameter() {
        Map<String, List<String>> wire = IdentityMapping.civility(Introspection.of(identity()));
        assertEquals(List.of("prenoms[]", "nomNaissance", "anneeDateNaissance", "moisDateNaissance", "jourDateNaissance",
                "sexeEtatCivil", "codeCogInseeCommuneNaissance", "codeCogInseePaysNaissance"), List.copyOf(wire.keySet()));
        assertEquals(List.of("Marie", "Claire-Anne"), wire.get("prenoms[]"));
        assertEquals(List.of("Dupont"), wire.get("nomNaissance"));
        // Integers without leading zeros.
        assertEquals(List.of("1987"), wire.get("anneeDateNaissance"));
        assertEquals(List.of("3"), wire.get("moisDateNaissance"));
        assertEquals(List.of("9"), wire.get("jourDateNaissance"));
        assertEquals(List.of("F"), wire.get("sexeEtatCivil"));
        assertEquals(List.of("75111"), wire.get("codeCogInseeCommuneNaissance"));
        assertEquals(List.of("99100"), wire.get("codeCogInseePaysNaissance"));
    }

    @Test
    void aUsageNameIsForwardedAsNomUsageWhenFranceConnectGivesOne() {
        ObjectNode i = identity();
        i.put("preferred_username", "Martin");
        Map<String, List<String>> wire = IdentityMapping.civility(Introspection.of(i));
        assertEquals(List.of("prenoms[]", "nomNaissance", "nomUsage", "anneeDateNaissance", "moisDateNaissance",
                "jourDateNaissance", "sexeEtatCivil", "codeCogInseeCommuneNaissance", "codeCogInseePaysNaissance"),
                List.copyOf(wire.keySet()));
        assertEquals(List.of("Martin"), wire.get("nomUsage"));
        assertEquals(List.of("Dupont"), wire.get("nomNaissance"));
        // Without one (the identity above), no empty nomUsage is forwarded.
        assertFalse(IdentityMapping.civility(Introspection.of(identity())).containsKey("nomUsage"));
    }

    @Test
    void givenNameIsSplitWhenNoArrayAndBirthplaceIsOptional() {
        ObjectNode i = identity();
        i.remove("given_name_array");
        i.remove("birthplace");
        i.put("gender", "male");
        Map<String, List<String>> wire = IdentityMapping.civility(Introspection.of(i));
        assertEquals(List.of("Marie", "Claire"), wire.get("prenoms[]"));
        assertEquals(List.of("M"), wire.get("sexeEtatCivil"));
        assertFalse(wire.containsKey("codeCogInseeCommuneNaissance"));
    }

    @Test
    void unusableClaimsAreNamedNeverQuoted() {
        for (String claim : List.of("family_name", "birthdate", "gender", "birthcountry")) {
            ObjectNode i = identity();
            i.remove(claim);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> IdentityMapping.civility(Introspection.of(i)));
            assertEquals(claim, e.getMessage());
        }
        ObjectNode i = identity();
        i.put("birthdate", "09/03/1987");
        assertEquals("birthdate", assertThrows(IllegalArgumentException.class,
                () -> IdentityMapping.civility(Introspection.of(i))).getMessage());
        ObjectNode noName = identity();
        noName.remove("given_name");
        noName.remove("given_name_array");
        assertEquals("given_name", assertThrows(IllegalArgumentException.class,
                () -> IdentityMapping.civility(Introspection.of(noName))).getMessage());
        assertFalse(Introspection.of(identity()).toString().contains("Dupont"), "toString never shows the identity");
    }

    @Test
    void identityPivotAndItsPartsAreRequired() {
        assertTrue(FranceConnectAdmission.carriesIdentity(List.of("openid", "identite_pivot")));
        assertTrue(FranceConnectAdmission.carriesIdentity(List.of("openid", "profile", "birth")));
        assertTrue(FranceConnectAdmission.carriesIdentity(List.of("given_name", "family_name", "birthdate", "gender",
                "birthplace", "birthcountry")));
        assertFalse(FranceConnectAdmission.carriesIdentity(List.of("openid", "profile")));
        assertFalse(FranceConnectAdmission.carriesIdentity(List.of("openid", "cnaf_quotient_familial")));
    }

    @Test
    void identityScopesOpenNoDataOnV3Routes() {
        assertEquals(Set.of("openid", "identite_pivot", "cnous_statut_boursier"),
                FranceConnectAdmission.dataScopes(List.of("openid", "identite_pivot", "cnous_statut_boursier", "cnous_identite",
                        "ants_extrait_immatriculation_vehicule_identite_particulier")));
    }

    @Test
    void quotaSubjectIsTheTokensSha256() {
        // printf 'all_fc' | sha256sum
        assertEquals("dc2a5e4d53c056293748ce9c01a1f4cd5c031fe82475cdee4c8ff247f3f63b14", FranceConnectAdmission.sha256("all_fc"));
        assertFalse(FranceConnectAdmission.sha256("all_fc").equals(FranceConnectAdmission.sha256("all_fc2")));
    }
}
