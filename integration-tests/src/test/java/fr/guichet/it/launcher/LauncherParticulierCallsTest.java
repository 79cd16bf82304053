package fr.guichet.it.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.common.sandbox.SandboxCatalogue;
import fr.guichet.common.sandbox.SandboxCatalogue.Entry;
import fr.guichet.common.sandbox.SandboxCatalogue.Operation;
import fr.guichet.testing.ServiceCatalog;
import fr.guichet.testing.sandbox.SandboxCatalogueGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/guichet up}'s API Particulier curls are read from the published sandbox catalogue as
 * the generator writes it: the quotient familial by identity (its list parameters repeated) and
 * a FranceConnect route with its fictitious token, the quotient familial's when it has one; and
 * API Particulier's entries never become API Entreprise sample calls.
 */
class LauncherParticulierCallsTest {

    static final String QF = "api_particulier_v3_cnav_quotient_familial_with_civility";
    static final String QF_FC = "api_particulier_v3_cnav_quotient_familial_with_france_connect";
    static final String MESRI_FC = "api_particulier_v3_mesri_statut_etudiant_with_france_connect";

    @TempDir
    Path dir;

    static Operation operation(String id, String provider, Entry... entries) {
        return new Operation(id, provider, "Titre", List.of(entries));
    }

    static Entry entry(String name, int status, String path, Map<String, String> query, Map<String, List<String>> lists,
                       String franceConnectToken) {
        return new Entry(name, status, "GET", path, query, lists, franceConnectToken, "Succès");
    }

    String run(SandboxCatalogue catalogue, String function) throws IOException, InterruptedException {
        Path file = dir.resolve("catalogue.json");
        Files.writeString(file, SandboxCatalogueGenerator.json(catalogue), StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", ". bin/guichet\nCATALOGUE=" + file + " " + function)
                .directory(ServiceCatalog.repositoryRoot().toFile()).redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void theQuotientFamilialOfASandboxIdentityAndAFranceConnectRouteWithItsToken() throws Exception {
        SandboxCatalogue catalogue = new SandboxCatalogue(List.of(
                operation("api_entreprise_v4_insee_unites_legales", "insee",
                        new Entry("200", 200, "GET", "/v4/insee/sirene/unites_legales/552049447", Map.of(), "Succès")),
                operation(QF, "cnav",
                        entry("404", 404, "/v3/dss/quotient_familial/identite", Map.of("nomNaissance", "X"), Map.of(), null),
                        entry("200-seul", 200, "/v3/dss/quotient_familial/identite",
                                new java.util.TreeMap<>(Map.of("codeCogInseePaysNaissance", "99100", "nomNaissance", "ANO'NYMOS LONS")),
                                Map.of("prenoms[]", List.of("ALEXIS", "JEAN PAUL")), null)),
                operation(MESRI_FC, "education",
                        entry("fake_france_connect_mesri", 200, "/v3/mesri/statut_etudiant/france_connect", Map.of(), Map.of(), "all_fc"))));
        assertEquals("""
                civility /v3/dss/quotient_familial/identite 200-seul &codeCogInseePaysNaissance=99100&nomNaissance=ANO'NYMOS%20LONS&prenoms[]=ALEXIS&prenoms[]=JEAN%20PAUL
                france_connect /v3/mesri/statut_etudiant/france_connect all_fc fake_france_connect_mesri\s
                """, run(catalogue, "particulier_calls"));
        assertEquals("insee /v4/insee/sirene/unites_legales/552049447 \n", run(catalogue, "sample_calls"));
    }

    @Test
    void theQuotientFamilialsFranceConnectRouteComesFirst() throws Exception {
        SandboxCatalogue catalogue = new SandboxCatalogue(List.of(
                operation(MESRI_FC, "education",
                        entry("fake_france_connect_mesri", 200, "/v3/mesri/statut_etudiant/france_connect", Map.of(), Map.of(), "all_fc")),
                operation(QF_FC, "cnav",
                        entry("404", 404, "/v3/dss/quotient_familial/france_connect", Map.of(), Map.of(), "cnaf_qfv2"),
                        entry("fake_france_connect_cnaf", 200, "/v3/dss/quotient_familial/france_connect",
                                Map.of("annee", "2024"), Map.of(), "cnaf_qfv2"))));
        assertEquals("france_connect /v3/dss/quotient_familial/france_connect cnaf_qfv2 fake_france_connect_cnaf &annee=2024\n",
                run(catalogue, "particulier_calls"));
    }
}
