package fr.guichet.insee.sirene.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.common.error.ApiException;
import org.junit.jupiter.api.Test;

class DiffusionPolicyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode etablissement(String etabStatus, String ulStatus, String type) throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"status_diffusion":"%s","enseigne":"LE FOURNIL","diffusable_commercialement":false,
                 "unite_legale":{"type":"%s","status_diffusion":"%s","diffusable_commercialement":false,
                   "personne_morale_attributs":{"raison_sociale":"BOULANGERIE","sigle":"BLG"},
                   "personne_physique_attributs":{"pseudonyme":null,"prenom_usuel":"JEAN","prenom_1":"JEAN","prenom_2":null,
                     "prenom_3":null,"prenom_4":null,"nom_usage":null,"nom_naissance":"MARTIN","sexe":"M"}},
                 "adresse":{"status_diffusion":"%s","numero_voie":"3","libelle_voie":"DU PORT","code_commune":"29019",
                   "libelle_commune":"BREST","acheminement_postal":{"l1":"BOULANGERIE","l2":"","l3":"","l4":"3 RUE DU PORT",
                   "l5":"","l6":"29200 BREST","l7":"FRANCE"}}}
                """.formatted(etabStatus, type, ulStatus, etabStatus));
    }

    @Test
    void legalPersonInPartialDiffusionKeepsAPublicEstablishmentAddress() throws Exception {
        ObjectNode data = etablissement("diffusible", "partiellement_diffusible", "personne_morale");
        DiffusionPolicy.etablissement(data);
        assertEquals("[ND]", data.at("/unite_legale/personne_morale_attributs/sigle").asText());
        assertEquals("BOULANGERIE", data.at("/unite_legale/personne_morale_attributs/raison_sociale").asText());
        assertEquals("DU PORT", data.at("/adresse/libelle_voie").asText());
        assertEquals("LE FOURNIL", data.at("/enseigne").asText());
        assertEquals(true, data.at("/diffusable_commercialement").asBoolean());
    }

    @Test
    void partialEstablishmentOfALegalPersonHidesItsAddressButNotItsSign() throws Exception {
        ObjectNode data = etablissement("partiellement_diffusible", "diffusible", "personne_morale");
        DiffusionPolicy.etablissement(data);
        assertEquals("[ND]", data.at("/adresse/libelle_voie").asText());
        assertEquals("[ND]", data.at("/adresse/acheminement_postal/l4").asText());
        assertEquals("FRANCE", data.at("/adresse/acheminement_postal/l7").asText());
        assertEquals("BREST", data.at("/adresse/libelle_commune").asText());
        assertEquals("LE FOURNIL", data.at("/enseigne").asText());
        assertEquals("BLG", data.at("/unite_legale/personne_morale_attributs/sigle").asText());
    }

    @Test
    void partialNaturalPersonHidesIdentityAddressAndSign() throws Exception {
        ObjectNode data = etablissement("diffusible", "partiellement_diffusible", "personne_physique");
        DiffusionPolicy.etablissement(data);
        assertEquals("[ND]", data.at("/unite_legale/personne_physique_attributs/nom_naissance").asText());
        assertEquals("[ND]", data.at("/unite_legale/personne_physique_attributs/pseudonyme").asText());
        assertEquals("[ND]", data.at("/adresse/numero_voie").asText());
        assertEquals("[ND]", data.at("/enseigne").asText());
    }

    @Test
    void nonDiffusibleIsNotFound() throws Exception {
        ApiException e = assertThrows(ApiException.class,
                () -> DiffusionPolicy.etablissement(etablissement("diffusible", "non_diffusible", "personne_physique")));
        assertEquals(404, e.status());
        assertEquals("01003", e.errors().get(0).code());
        assertThrows(ApiException.class, () -> DiffusionPolicy.etablissement(etablissement("non_diffusible", "diffusible", "personne_morale")));
    }
}
