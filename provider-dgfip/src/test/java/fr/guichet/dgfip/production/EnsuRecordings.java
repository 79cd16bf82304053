package fr.guichet.dgfip.production;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static fr.guichet.dgfip.production.DgfipUpstreamStub.BEARER;
import static fr.guichet.dgfip.production.DgfipUpstreamStub.json;
import static fr.guichet.dgfip.production.DgfipUpstreamStub.resource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

/** ENSU DOCUMENTS upstream exchanges (contract of docs/ensu-documents.md; fictitious data). */
final class EnsuRecordings {

    private EnsuRecordings() {
    }

    static void register(WireMockServer server) {
        server.stubFor(list().withQueryParam("siren", equalTo("991000001")).withQueryParam("famille", equalTo("PAIEMENT"))
                .withQueryParam("codeDocument", absent())
                .willReturn(json(200, resource("upstream/ensu/documents_siren_paiements.json"))));
        server.stubFor(list().withQueryParam("idsp", equalTo("SP000000000042")).withQueryParam("famille", equalTo("HABILITATION"))
                .willReturn(json(200, resource("upstream/ensu/documents_idsp_vide.json"))));
        server.stubFor(list().withQueryParam("siren", equalTo("992000000"))
                .willReturn(json(404, resource("upstream/ensu/usager_inconnu.json"))));
        server.stubFor(list().withQueryParam("siren", equalTo("990000002")).withQueryParam("famille", equalTo("BANCAIRE"))
                .willReturn(json(429, "{\"erreur\":\"QUOTA\"}").withHeader("Retry-After", "7")));
        server.stubFor(authorised(get(urlPathEqualTo("/ensu/v1/documents/idensua/ENSUA000000000000014")))
                .willReturn(json(200, resource("upstream/ensu/document_idensua.json"))));
        server.stubFor(authorised(get(urlPathEqualTo("/ensu/v1/documents/doccfs/CFS00000050404")))
                .willReturn(json(404, "{\"erreur\":\"DOCUMENT_INCONNU\"}")));
    }

    private static MappingBuilder list() {
        return authorised(get(urlPathEqualTo("/ensu/v1/documents")));
    }

    private static MappingBuilder authorised(MappingBuilder mapping) {
        return mapping.atPriority(1).withHeader("Authorization", equalTo(BEARER));
    }
}
