package fr.guichet.it.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver (Selenium is given both paths, so
 * it downloads nothing), with the three checks every page of the portal must pass: no error in the
 * browser console, no serious or critical accessibility violation found by axe-core (injected in
 * the page from the npm package fetched at build time, never from a CDN), and a screenshot under
 * {@code target/screenshots/}.
 *
 * <p>System properties: {@code guichet.it.chromium} ({@code /usr/bin/chromium}),
 * {@code guichet.it.chromedriver} ({@code /usr/bin/chromedriver}).
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("guichet.it.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("guichet.it.chromedriver", "/usr/bin/chromedriver"));
    /** Where the screenshots go, one PNG per checked page, named after the page. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();
    /** axe-core as {@code npm ci} installed it from src/test/web/package-lock.json (generate-test-resources). */
    static final Path AXE = Path.of("target", "web", "node_modules", "axe-core", "axe.min.js").toAbsolutePath();
    /** axe-core's impacts that fail a page (minor and moderate ones are reported, not failed). */
    static final List<String> FAILING_IMPACTS = List.of("serious", "critical");
    static final Duration WAIT = Duration.ofSeconds(15);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriver driver;
    private final String axeSource;

    private Browser(ChromeDriver driver, String axeSource) {
        this.driver = driver;
        this.axeSource = axeSource;
    }

    /**
     * Starts a headless Chromium, French, 1280 px wide.
     *
     * @throws IllegalStateException when Chromium, chromedriver or axe-core is missing (what to install)
     */
    public static Browser start() {
        for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(p)) {
                throw new IllegalStateException(p + " is missing: apt-get install chromium chromium-driver (.ci/run does)");
            }
        }
        if (!Files.isRegularFile(AXE)) {
            throw new IllegalStateException(AXE + " is missing: the build's generate-test-resources phase installs it with npm ci");
        }
        String axe;
        try {
            axe = Files.readString(AXE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=fr-FR", "--no-first-run", "--disable-extensions",
                // Nothing leaves the machine: no update, sync or safe-browsing requests of the browser's own.
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--metrics-recording-only", "--safebrowsing-disable-auto-update");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, axe);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Loads {@code url} and waits until the document and its scripts are loaded. */
    public void open(String url) {
        driver.get(url);
        awaitLoaded();
    }

    /**
     * Clicks {@code element}, which navigates (a link, a form's submit button), and waits for the
     * next document to be complete. Waiting on {@code readyState} alone would race: right after the
     * click the old document is still there and already complete. So the old window is marked
     * before the click and the wait is for a complete document without the mark. While the old
     * document is torn down Chrome answers some commands with errors (an element "not belonging to
     * the document", a script interrupted by the unload): those mean "not yet" and are retried.
     */
    public void clickAndAwaitNavigation(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("window.guichetPreviousDocument = true");
        element.click();
        new WebDriverWait(driver, WAIT).ignoring(WebDriverException.class).until(d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript("return !window.guichetPreviousDocument && document.readyState === 'complete'"));
    }

    /** Waits for the current document to be complete (after {@link #open}, say). */
    public void awaitLoaded() {
        new WebDriverWait(driver, WAIT).until(d -> "complete".equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Loads {@code url} and {@link #check checks} the page under {@code name}. */
    public void visit(String name, String url) {
        open(url);
        check(name);
    }

    /**
     * The three checks of the page now displayed: screenshot {@code name}.png, no console error since
     * the previous check, no serious or critical axe-core violation.
     *
     * @throws AssertionError listing the console errors or the violations (rule, impact, elements)
     */
    public void check(String name) {
        check(name, entry -> false);
    }

    /**
     * As {@link #check(String)}, {@code expected} console errors aside (the browser logs the
     * 404 of a document the test opened on purpose, for instance).
     */
    public void check(String name, Predicate<String> expected) {
        screenshot(name);
        List<String> errors = consoleErrors().stream().filter(expected.negate()).toList();
        if (!errors.isEmpty()) {
            throw new AssertionError("Console errors on " + name + " (" + driver.getCurrentUrl() + "):\n  "
                    + String.join("\n  ", errors));
        }
        List<String> violations = accessibilityViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError("Accessibility violations (axe-core, serious or critical) on " + name
                    + " (" + driver.getCurrentUrl() + "):\n  " + String.join("\n  ", violations));
        }
    }

    /** Console entries at level SEVERE (script errors, CSP refusals, failed loads) since the last call. */
    public List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(e.getMessage());
            }
        }
        return errors;
    }

    /**
     * Runs axe-core (all its default rules) on the current document and returns the violations of
     * serious or critical impact, one line each: rule, impact, help, the first elements' selectors.
     */
    public List<String> accessibilityViolations() {
        JavascriptExecutor js = driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(axeSource);
        }
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                   .then(r => done(JSON.stringify(r.violations)))
                   .catch(e => done(JSON.stringify({error: String(e)})));
                """);
        JsonNode violations;
        try {
            violations = JSON.readTree((String) result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (violations.has("error")) {
            throw new IllegalStateException("axe-core failed on " + driver.getCurrentUrl() + ": " + violations.get("error"));
        }
        List<String> failing = new ArrayList<>();
        for (JsonNode v : violations) {
            if (FAILING_IMPACTS.contains(v.path("impact").asText())) {
                List<String> targets = new ArrayList<>();
                for (JsonNode node : v.path("nodes")) {
                    targets.add(node.path("target").toString());
                }
                failing.add(v.path("id").asText() + " [" + v.path("impact").asText() + "] " + v.path("help").asText()
                        + " — " + targets.stream().limit(5).collect(Collectors.joining(", ")));
            }
        }
        return failing;
    }

    /** Writes a full-page PNG of the current document to {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = Math.min(((Number) size.get("height")).doubleValue(), 8000);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The element matching {@code css}, once present (waits up to 15 s). */
    public WebElement await(String css) {
        return new WebDriverWait(driver, WAIT).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    /** The elements matching {@code css} now (none: an empty list). */
    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The path of the current URL ({@code /demarches}, say). */
    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    /** The browser's cookies as one {@code Cookie} header value, to replay its session from a plain HTTP client. */
    public String cookieHeader() {
        return driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    /** Forgets every cookie (a new visitor), and the console entries of the previous one. */
    public void clearSession() {
        driver.manage().deleteAllCookies();
        driver.manage().logs().get(LogType.BROWSER);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
