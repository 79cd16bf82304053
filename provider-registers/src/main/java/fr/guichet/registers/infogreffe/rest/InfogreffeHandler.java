package fr.guichet.registers.infogreffe.rest;

import static fr.guichet.registers.upstream.RegisterUpstream.INFOGREFFE;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import fr.guichet.registers.RegistersOperations;
import fr.guichet.registers.infogreffe.client.InfogreffeClient;
import fr.guichet.registers.infogreffe.mapping.Dirigeants;
import fr.guichet.registers.infogreffe.mapping.ExtraitRcs;
import fr.guichet.registers.infogreffe.mapping.MandatairesSociaux;
import fr.guichet.registers.upstream.Json;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.w3c.dom.Document;

/**
 * Production mode of Infogreffe's two operations, both read from one extract
 * ({@link InfogreffeClient}): the extrait RCS, and the mandataires sociaux (404 {@code 02003}
 * when the extract lists none, as API Entreprise answers).
 */
@ApplicationScoped
public class InfogreffeHandler implements OperationHandler {

    private final InfogreffeClient client;
    private final ObjectMapper json;

    public InfogreffeHandler(InfogreffeClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    @Override
    public Set<String> operations() {
        return Set.of(RegistersOperations.INFOGREFFE_EXTRAITS_RCS, RegistersOperations.INFOGREFFE_MANDATAIRES_SOCIAUX);
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        String siren = call.identifier();
        Document extract = client.extrait(siren);
        if (RegistersOperations.INFOGREFFE_MANDATAIRES_SOCIAUX.equals(call.declaration().id())) {
            if (Dirigeants.of(extract).isEmpty()) {
                throw INFOGREFFE.notFound();
            }
            return Json.ok(json, MandatairesSociaux.body(extract));
        }
        return Json.ok(json, ExtraitRcs.body(siren, extract));
    }
}
