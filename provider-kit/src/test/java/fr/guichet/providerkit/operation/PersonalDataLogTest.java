package fr.guichet.providerkit.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.common.error.ApiException;
import fr.guichet.providerkit.logging.PersonalDataRedaction;
import fr.guichet.providerkit.logging.PersonalValues;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No value of an API Particulier call reaches a log line: the log is captured by a real handler on
 * the root logger (as Quarkus' console and file handlers are) during sandbox calls with known names.
 */
class PersonalDataLogTest {

    static final String GIP_MDS = "/v3/gip_mds/service_civique/identite";
    static final List<String> PERSONAL = List.of("BERNARD", "SOPHIE", "1999-11-08", "08/11/1999", "DUPONT", "1982-09-03");

    /** An adapter that logs what it should not, and fails with the person's name in its exception. */
    static final class CarelessAdapter implements OperationHandler {
        static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(CarelessAdapter.class);

        @Override
        public Set<String> operations() {
            return Set.of("api_particulier_v3_gip_mds_service_civique_with_civility");
        }

        @Override
        public boolean answersSandbox() {
            return true;
        }

        @Override
        public ProviderAnswer handle(OperationCall call) {
            String nom = call.queryParameter("nomNaissance").toUpperCase(Locale.ROOT);
            String date = String.format("%s-%02d-%02d", call.queryParameter("anneeDateNaissance"),
                    Integer.parseInt(call.queryParameter("moisDateNaissance")),
                    Integer.parseInt(call.queryParameter("jourDateNaissance")));
            LOG.warnf("Recherche de %s %s née le %s", nom, call.query().get("prenoms[]"), date);
            java.util.logging.Logger.getLogger("upstream").log(Level.INFO, "POST body {0}",
                    "{\"nom\":\"" + nom + "\",\"dateNaissance\":\"08111999\"}");
            throw new IllegalStateException("Aucun dossier pour " + nom,
                    new IllegalArgumentException("GET https://gip-mds.example/contrats?nom=" + nom + " a échoué"));
        }
    }

    final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    StreamHandler handler;

    @BeforeEach
    void capture() {
        handler = new StreamHandler(captured, new SimpleFormatter());
        handler.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(handler);
    }

    @AfterEach
    void release() {
        Logger.getLogger("").removeHandler(handler);
    }

    String log() {
        handler.flush();
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aParticulierCallLeavesNoNameNorBirthDateInTheLog() throws Exception {
        KitTestProvider provider = new KitTestProvider(new CarelessAdapter());
        PersonalDataRedaction.install(path -> provider.operations.resolve(null, path)
                .map(r -> ApiKinds.particulier(r.declaration())).orElse(false));

        ApiException failure = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class, () -> provider.get(GIP_MDS,
                "recipient", "13002526500013", "nomNaissance", "Bernard", "prenoms[]", "Sophie",
                "anneeDateNaissance", "1999", "moisDateNaissance", "11", "jourDateNaissance", "8"));
        assertEquals("31999", failure.errors().get(0).code());
        ProviderAnswer found = provider.get(ParticulierSandboxTest.QF, ParticulierSandboxTest.SOPHIE_DUPONT);
        assertEquals(200, found.status());

        // what Vert.x and Quarkus write from the event loop: the access log, an unhandled failure
        String particulier = "/v3/dss/quotient_familial/identite?" + KitTestProvider.queryString(ParticulierSandboxTest.SOPHIE_DUPONT);
        Thread eventLoop = new Thread(() -> {
            Logger.getLogger("io.quarkus.http.access-log").info("127.0.0.1 - - \"GET " + particulier + " HTTP/1.1\" 200 512");
            Logger.getLogger("io.quarkus.vertx.http.runtime.QuarkusErrorHandler")
                    .severe("HTTP Request to " + particulier + " failed, error id: 42");
            Logger.getLogger("io.quarkus.http.access-log").info(
                    "127.0.0.1 - - \"GET /v3/kittest/unites_legales/418166096/exemple?context=Test&object=Demo HTTP/1.1\" 200");
        });
        eventLoop.start();
        eventLoop.join();

        String log = log();
        assertTrue(log.contains("Recherche de [masqué] [[masqué]] née le [masqué]"), log);
        assertTrue(log.contains("java.lang.IllegalStateException: Aucun dossier pour [masqué]"), log);
        assertTrue(log.contains("java.lang.IllegalArgumentException: GET https://gip-mds.example/contrats?nom=[masqué] a échoué"), log);
        assertTrue(log.contains("GET /v3/dss/quotient_familial/identite?[paramètres masqués] HTTP/1.1"), log);
        assertTrue(log.contains("HTTP Request to /v3/dss/quotient_familial/identite?[paramètres masqués] failed"), log);
        // API Entreprise's queries name no person: they stay
        assertTrue(log.contains("exemple?context=Test&object=Demo"), log);
        for (String value : PERSONAL) {
            assertFalse(log.toUpperCase(Locale.ROOT).contains(value), value + " in the log:\n" + log);
        }
        assertFalse(log.contains("08111999"), log);
        assertTrue(PersonalValues.current().isEmpty(), "the call's values are forgotten when it is answered");
    }

    @Test
    void upstreamPathsKeepTheirShapeWithoutTheIdentifier() {
        PersonalValues values = PersonalValues.of(java.util.Map.of("recipient", List.of("13002526500013"),
                "ine", List.of("1234567890A")));
        assertEquals("/cnous/boursiers/{id}", values.mask("/cnous/boursiers/1234567890a", "{id}"));
        assertEquals("siret 13002526500013", values.mask("siret 13002526500013"), "the recipient is no one's personal data");
    }
}
