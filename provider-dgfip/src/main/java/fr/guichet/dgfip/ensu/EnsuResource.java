package fr.guichet.dgfip.ensu;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.common.provider.ProviderConfig;
import fr.guichet.dgfip.document.DocumentStore;
import fr.guichet.dgfip.ensu.EnsuModel.Content;
import fr.guichet.dgfip.ensu.EnsuModel.Document;
import fr.guichet.dgfip.ensu.EnsuModel.DocumentKey;
import fr.guichet.dgfip.ensu.EnsuModel.IdentifierKind;
import fr.guichet.dgfip.ensu.EnsuModel.Listing;
import fr.guichet.dgfip.ensu.EnsuModel.Usager;
import fr.guichet.dgfip.error.DgfipErrors;
import fr.guichet.dgfip.maintenance.MaintenanceWindow;
import fr.guichet.dgfip.support.Bodies;
import fr.guichet.dgfip.support.Params;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * ENSU DOCUMENTS (Guichet extension, docs/ensu-documents.md): a professional user's documents of
 * one family, listed by SIREN or IDSP, and one document fetched by IDENSUA, DOCDISTRIB or DOCCFS.
 * The family is in the path so that the gateway can require its scope per route.
 */
@Path("/v3/dgfip/ensu/{famille}")
@Produces(MediaType.APPLICATION_JSON)
public class EnsuResource {

    static final String IDSP_PATTERN = "SP\\d{12}";
    static final String DOCUMENT_ID_PATTERN = "[A-Za-z0-9_-]{1,64}";
    static final String CODE_PATTERN = "[A-Za-z0-9_-]{1,32}";

    private final ProviderConfig provider;
    private final MaintenanceWindow maintenance;
    private final SandboxEnsuSource sandbox;
    private final DgfipEnsuSource dgfip;
    private final DocumentStore documents;
    private final ObjectMapper json;

    public EnsuResource(ProviderConfig provider, MaintenanceWindow maintenance, SandboxEnsuSource sandbox,
                        DgfipEnsuSource dgfip, DocumentStore documents, ObjectMapper json) {
        this.provider = provider;
        this.maintenance = maintenance;
        this.sandbox = sandbox;
        this.dgfip = dgfip;
        this.documents = documents;
        this.json = json;
    }

    @GET
    @Path("unites_legales/{siren}/documents")
    @Operation(summary = "Documents ENSU d'un usager professionnel désigné par son SIREN")
    public Response listBySiren(@PathParam("famille") String famille, @PathParam("siren") String siren,
                                @QueryParam("code_document") String codeDocument) {
        EnsuFamily family = family(famille);
        maintenance.check(DgfipErrors.ENSU);
        Params.siren(siren);
        return list(IdentifierKind.SIREN, siren, family, codeDocument);
    }

    @GET
    @Path("usagers/{idsp}/documents")
    @Operation(summary = "Documents ENSU d'un usager professionnel sans SIREN, désigné par son IDSP")
    public Response listByIdsp(@PathParam("famille") String famille, @PathParam("idsp") String idsp,
                               @QueryParam("code_document") String codeDocument) {
        EnsuFamily family = family(famille);
        maintenance.check(DgfipErrors.ENSU);
        if (idsp == null || !idsp.matches(IDSP_PATTERN)) {
            throw DgfipErrors.unprocessable("00390", "L'identifiant de substitution provisoire (IDSP) n'est pas "
                    + "correctement formaté (SP suivi de 12 chiffres)", "idsp");
        }
        return list(IdentifierKind.IDSP, idsp, family, codeDocument);
    }

    @GET
    @Path("documents/{type}/{identifiant}")
    @Operation(summary = "Un document ENSU, par son IDENSUA, DOCDISTRIB ou DOCCFS")
    public Response fetch(@PathParam("famille") String famille, @PathParam("type") String type,
                          @PathParam("identifiant") String identifiant) {
        EnsuFamily family = family(famille);
        DocumentKey key = DocumentKey.fromSegment(type).orElseThrow(() -> DgfipErrors.notFound(DgfipErrors.ENSU,
                "Type d'identifiant documentaire inconnu : utilisez idensua, docdistrib ou doccfs."));
        maintenance.check(DgfipErrors.ENSU);
        if (identifiant == null || !identifiant.matches(DOCUMENT_ID_PATTERN)) {
            throw DgfipErrors.unprocessable("00391", "L'identifiant documentaire n'est pas correctement formaté", type);
        }
        Content content = source().fetch(key, identifiant)
                // A document of another family is reported unknown: each family has its own scope.
                .filter(c -> c.document().famille() == family)
                .orElseThrow(() -> DgfipErrors.notFound(DgfipErrors.ENSU,
                        "Aucun document de la famille « " + family.slug() + " » ne porte cet identifiant."));
        DocumentStore.StoredDocument stored = documents.store(content.pdf());
        ObjectNode data = document(content.document());
        data.put("document_url", stored.url());
        data.put("document_url_expires_in", stored.expiresIn());
        ObjectNode meta = json.createObjectNode();
        meta.set("usager", usager(content.usager()));
        return Bodies.ok(Bodies.envelope(data, meta));
    }

    private Response list(IdentifierKind kind, String identifier, EnsuFamily family, String codeDocument) {
        Optional<String> code = Optional.ofNullable(codeDocument).filter(c -> !c.isBlank());
        if (code.isPresent() && !code.get().matches(CODE_PATTERN)) {
            throw DgfipErrors.unprocessable("00392", "Le code document n'est pas correctement formaté", "code_document");
        }
        Listing listing = source().list(kind, identifier, family, code)
                .orElseThrow(() -> DgfipErrors.notFound(DgfipErrors.ENSU));
        ArrayNode items = json.createArrayNode();
        for (Document d : listing.documents()) {
            ObjectNode item = items.addObject();
            item.set("data", document(d));
            item.putObject("links").put("document",
                    "/v3/dgfip/ensu/" + family.slug() + "/documents/idensua/" + d.idensua());
            item.putObject("meta");
        }
        ObjectNode body = json.createObjectNode();
        body.set("data", items);
        body.putObject("links");
        ObjectNode meta = body.putObject("meta");
        meta.set("usager", usager(listing.usager()));
        meta.put("famille", family.slug());
        meta.put("nombre_documents", items.size());
        return Bodies.ok(body);
    }

    private EnsuSource source() {
        return provider.mode() == ProviderConfig.Mode.SANDBOX ? sandbox : dgfip;
    }

    private static EnsuFamily family(String slug) {
        return EnsuFamily.fromSlug(slug).orElseThrow(() -> DgfipErrors.notFound(DgfipErrors.ENSU,
                "Famille de documents ENSU inconnue : " + slug + "."));
    }

    private ObjectNode document(Document d) {
        ObjectNode o = json.createObjectNode();
        o.put("idensua", d.idensua());
        o.put("docdistrib", d.docdistrib());
        o.put("doccfs", d.doccfs());
        o.put("code_document", d.codeDocument());
        o.put("libelle", d.libelle());
        o.put("famille", d.famille().slug());
        o.put("date_production", d.dateProduction() == null ? null : d.dateProduction().toString());
        ObjectNode periode = o.putObject("periode");
        periode.put("debut", d.periodeDebut() == null ? null : d.periodeDebut().toString());
        periode.put("fin", d.periodeFin() == null ? null : d.periodeFin().toString());
        return o;
    }

    private ObjectNode usager(Usager u) {
        ObjectNode o = json.createObjectNode();
        o.put("siren", u.siren());
        o.put("idsp", u.idsp());
        o.put("denomination", u.denomination());
        return o;
    }
}
