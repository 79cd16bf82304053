package fr.guichet.dgfip.ensu.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.common.provider.ProviderConfig;
import fr.guichet.providerkit.document.DocumentStore;
import fr.guichet.dgfip.ensu.service.EnsuModel.Content;
import fr.guichet.dgfip.ensu.service.EnsuModel.Document;
import fr.guichet.dgfip.ensu.service.EnsuModel.DocumentKey;
import fr.guichet.dgfip.ensu.service.EnsuModel.IdentifierKind;
import fr.guichet.dgfip.ensu.service.EnsuModel.Listing;
import fr.guichet.dgfip.ensu.service.EnsuModel.Usager;
import fr.guichet.dgfip.config.DgfipConfig;
import fr.guichet.dgfip.ensu.client.DgfipEnsuSource;
import fr.guichet.dgfip.ensu.service.EnsuFamily;
import fr.guichet.dgfip.ensu.service.EnsuSource;
import fr.guichet.dgfip.ensu.service.SandboxEnsuSource;
import fr.guichet.dgfip.error.DgfipErrors;
import fr.guichet.dgfip.support.Bodies;
import fr.guichet.dgfip.support.Params;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * ENSU DOCUMENTS (Guichet extension, docs/ensu-documents.md): a professional user's documents of
 * one family, listed by SIREN or IDSP, and one document fetched by IDENSUA, DOCDISTRIB or DOCCFS,
 * bound to the declarations of {@code guichet/operations/dgfip.yml}. The family is in the path so
 * that the gateway can require its scope per route; the client certificate is checked by the
 * gateway. Both modes come here: the sandbox has its own data set ({@link SandboxEnsuSource}).
 */
@ApplicationScoped
public class EnsuHandler implements OperationHandler {

    static final String LIST_BY_SIREN = "api_entreprise_v3_dgfip_ensu_documents_unites_legales";
    static final String LIST_BY_IDSP = "api_entreprise_v3_dgfip_ensu_documents_usagers";
    static final String FETCH = "api_entreprise_v3_dgfip_ensu_document";
    static final String IDSP_PATTERN = "SP\\d{12}";
    static final String DOCUMENT_ID_PATTERN = "[A-Za-z0-9_-]{1,64}";
    static final String CODE_PATTERN = "[A-Za-z0-9_-]{1,32}";

    private final ProviderConfig provider;
    private final SandboxEnsuSource sandbox;
    private final DgfipEnsuSource dgfip;
    private final DocumentStore documents;
    private final DgfipConfig config;
    private final ObjectMapper json;

    public EnsuHandler(ProviderConfig provider, SandboxEnsuSource sandbox, DgfipEnsuSource dgfip,
                       DocumentStore documents, DgfipConfig config, ObjectMapper json) {
        this.provider = provider;
        this.sandbox = sandbox;
        this.dgfip = dgfip;
        this.documents = documents;
        this.config = config;
        this.json = json;
    }

    @Override
    public Set<String> operations() {
        return Set.of(LIST_BY_SIREN, LIST_BY_IDSP, FETCH);
    }

    @Override
    public boolean answersSandbox() {
        return true;
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        EnsuFamily family = family(call.variable("famille"));
        String codeDocument = call.queryParameter("code_document");
        return switch (call.declaration().id()) {
            case LIST_BY_SIREN -> list(IdentifierKind.SIREN, Params.siren(call.variable("siren")), family, codeDocument);
            case LIST_BY_IDSP -> listByIdsp(call.variable("idsp"), family, codeDocument);
            default -> fetch(family, call.variable("type"), call.variable("document"));
        };
    }

    private ProviderAnswer listByIdsp(String idsp, EnsuFamily family, String codeDocument) {
        if (idsp == null || !idsp.matches(IDSP_PATTERN)) {
            throw DgfipErrors.unprocessable("00390", "L'identifiant de substitution provisoire (IDSP) n'est pas "
                    + "correctement formaté (SP suivi de 12 chiffres)", "idsp");
        }
        return list(IdentifierKind.IDSP, idsp, family, codeDocument);
    }

    private ProviderAnswer fetch(EnsuFamily family, String type, String identifiant) {
        DocumentKey key = DocumentKey.fromSegment(type).orElseThrow(() -> DgfipErrors.notFound(DgfipErrors.ENSU,
                "Type d'identifiant documentaire inconnu : utilisez idensua, docdistrib ou doccfs."));
        if (identifiant == null || !identifiant.matches(DOCUMENT_ID_PATTERN)) {
            throw DgfipErrors.unprocessable("00391", "L'identifiant documentaire n'est pas correctement formaté", type);
        }
        Content content = source().fetch(key, identifiant)
                // A document of another family is reported unknown: each family has its own scope.
                .filter(c -> c.document().famille() == family)
                .orElseThrow(() -> DgfipErrors.notFound(DgfipErrors.ENSU,
                        "Aucun document de la famille « " + family.slug() + " » ne porte cet identifiant."));
        DocumentStore.StoredDocument stored = documents.store(content.pdf(), config.documents().ttl());
        ObjectNode data = document(content.document());
        data.put("document_url", stored.url());
        data.put("document_url_expires_in", stored.expiresIn());
        ObjectNode meta = json.createObjectNode();
        meta.set("usager", usager(content.usager()));
        return Bodies.ok(Bodies.envelope(data, meta));
    }

    private ProviderAnswer list(IdentifierKind kind, String identifier, EnsuFamily family, String codeDocument) {
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
