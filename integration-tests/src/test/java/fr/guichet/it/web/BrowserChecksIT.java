package fr.guichet.it.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The browser checks the portal's tests rely on catch what they are meant to catch: a script error
 * in the console and a serious accessibility fault fail a page, a clean page passes and leaves its
 * screenshot. Pages served by a loopback HTTP server of the test itself.
 */
class BrowserChecksIT {

    static final String HEAD = "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Essai</title>"
            + "<link rel=\"icon\" href=\"data:,\">";
    static final Map<String, String> PAGES = Map.of(
            "/propre", HEAD + "</head><body><main><h1>Page propre</h1><p>Rien à signaler.</p></main></body></html>",
            "/erreur-script", HEAD + "<script src=\"/erreur.js\"></script></head>"
                    + "<body><main><h1>Script en erreur</h1></main></body></html>",
            "/erreur.js", "document.querySelector('#absent').textContent = 'x';",
            "/inaccessible", HEAD + "</head><body><main><h1>Formulaire</h1>"
                    + "<form><input type=\"text\" name=\"courriel\"><button type=\"submit\"></button></form>"
                    + "</main></body></html>",
            "/formulaire", HEAD + "</head><body><main><h1>Formulaire</h1><form method=\"post\" action=\"/lent\">"
                    + "<button type=\"submit\" id=\"envoyer\">Envoyer</button></form></main></body></html>",
            "/lent", HEAD + "</head><body><main><h1 id=\"arrivee\">Envoyé</h1></main></body></html>");
    /** How long {@code /lent} takes to answer (ms): long enough for a check made right after the click to see the old page. */
    static final long SLOW_MS = 1_000;

    static HttpServer server;
    static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String page = PAGES.get(exchange.getRequestURI().getPath());
            exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestURI().getPath().equals("/lent")) {
                try {
                    Thread.sleep(SLOW_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = (page == null ? "introuvable" : page).getBytes(StandardCharsets.UTF_8);
            String type = exchange.getRequestURI().getPath().endsWith(".js") ? "text/javascript" : "text/html";
            exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
            exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void aCleanPagePassesAndLeavesItsScreenshot() throws IOException {
        Path shot = Browser.SCREENSHOTS.resolve("essai-propre.png");
        Files.deleteIfExists(shot);
        assertDoesNotThrow(() -> browser.visit("essai-propre", url("/propre")));
        byte[] png = Files.readAllBytes(shot);
        assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG of the page");
    }

    @Test
    void aScriptErrorInTheConsoleFailsThePage() {
        AssertionError e = assertThrows(AssertionError.class, () -> browser.visit("essai-erreur-script", url("/erreur-script")));
        assertTrue(e.getMessage().contains("Console errors") && e.getMessage().contains("erreur.js"), e.getMessage());
    }

    @Test
    void aSeriousAccessibilityFaultFailsThePage() {
        AssertionError e = assertThrows(AssertionError.class, () -> browser.visit("essai-inaccessible", url("/inaccessible")));
        // an input without a label and a button without a name: both critical for axe-core
        assertTrue(e.getMessage().contains("label") && e.getMessage().contains("button-name"), e.getMessage());
    }

    @Test
    void aClickThatNavigatesWaitsForTheNextPageNotTheOldOneStillComplete() {
        browser.open(url("/formulaire"));
        browser.clickAndAwaitNavigation(browser.await("#envoyer"));
        assertEquals("/lent", browser.path());
        assertEquals("Envoyé", browser.await("#arrivee").getText());
    }
}
