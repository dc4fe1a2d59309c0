package io.shopcare.local.acceptance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver (W3C WebDriver; nothing is
 * downloaded). One browser per test class; {@link #reset()} forgets the cart, language and token
 * between tests. Pages are checked with axe-core, injected from the storefront's npm install.
 */
final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of(System.getProperty("shopcare.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("shopcare.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** Selenium polls every 500 ms by default: most of a page test would be spent waiting for the next look. */
    private static final Duration POLL = Duration.ofMillis(40);
    private final ChromeDriver driver;
    private final Path profile;
    private final Path projectDir;

    private Browser(ChromeDriver driver, Path profile, Path projectDir) {
        this.driver = driver;
        this.profile = profile;
        this.projectDir = projectDir;
    }

    /** A fresh browser whose preferred language is {@code language} (as Accept-Language and navigator.languages). */
    static Browser start(String language) {
        Path projectDir = Path.of(System.getProperty("shopcare.project.dir", "..")).toAbsolutePath().normalize();
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the storefront's browser tests need Debian's chromium and chromium-driver"
                        + " (apt-get install chromium chromium-driver; .ci/run installs them)");
        try {
            Path profile = Files.createTempDirectory("shopcare-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // The flags that keep Chromium off the network it cannot reach here, and working as root.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-extensions",
                    "--window-size=1280,900", "--lang=" + language, "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
            return new Browser(driver, profile, projectDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    /** Forgets what the storefront keeps in the browser (cart, chosen language, merchant token). */
    void reset(String anyStorefrontUrl) {
        driver.get(anyStorefrontUrl + "/config.js");
        driver.executeScript("localStorage.clear(); sessionStorage.clear();");
        driver.manage().deleteAllCookies();
    }

    /** Waits until {@code condition} holds (not null, not false), or fails with what the page showed. */
    <T> T await(Function<WebDriver, T> condition, String what) {
        try {
            // A condition read while the page re-renders may hold an element that was just replaced: look again.
            return new WebDriverWait(driver, WAIT, POLL).ignoring(StaleElementReferenceException.class).withMessage(what)
                    .until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + " on " + driver.getCurrentUrl() + ":\n"
                    + driver.findElement(By.tagName("body")).getText() + "\nconsole errors: " + consoleErrors(), e);
        }
    }

    /** The first visible element matching {@code by}, once there is one. */
    WebElement visible(By by) {
        return await(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null),
                "a visible " + by);
    }

    /** Waits until the page's main region shows {@code text} and returns the main region's text. */
    String awaitText(String text) {
        return await(d -> {
            String shown = d.findElement(By.id("main")).getText();
            return shown.contains(text) ? shown : null;
        }, "\"" + text + "\" in the page");
    }

    /** Waits until the page finished rendering (the router clears aria-busy on main). */
    void awaitRendered() {
        await(d -> d.findElement(By.id("main")).getAttribute("aria-busy") == null
                && !d.findElements(By.cssSelector("main > *")).isEmpty(), "the page to render");
    }

    /**
     * Runs axe-core on the page and returns its serious and critical violations as
     * "rule: help (n nodes: selector, ...)" lines: an empty list is a pass.
     */
    @SuppressWarnings("unchecked")
    List<String> seriousAccessibilityViolations() {
        Path axe = projectDir.resolve("storefront/node_modules/axe-core/axe.min.js");
        try {
            driver.executeScript(Files.readString(axe));
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is installed by the build (npm ci in storefront/)", e);
        }
        Object result = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']})"
                        + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ' nodes: '"
                        + " + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', ') + ')')))"
                        + ".catch(e => done(['axe failed: ' + e]));");
        return (List<String>) result;
    }

    /** Fails with the violations when axe-core finds a serious or critical one on the current page. */
    void assertAccessible(String page) {
        List<String> violations = seriousAccessibilityViolations();
        assertTrue(violations.isEmpty(), "axe-core on " + page + " (" + driver.getCurrentUrl() + "):\n"
                + String.join("\n", violations));
    }

    /**
     * Saves the page as target/screenshots/NAME.png; with -Dshopcare.screenshots=docs also as
     * docs/screenshots/NAME.png, the pictures the README shows.
     */
    void screenshot(String name) {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        try {
            Path target = projectDir.resolve("infrastructure/target/screenshots/" + name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, png);
            if ("docs".equals(System.getProperty("shopcare.screenshots"))) {
                Path docs = projectDir.resolve("docs/screenshots/" + name + ".png");
                Files.createDirectories(docs.getParent());
                Files.write(docs, png);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the browser's console reported as errors since the last call (a broken page fails its test). */
    List<String> consoleErrors() {
        return driver.manage().logs().getAvailableLogTypes().contains("browser")
                ? driver.manage().logs().get("browser").getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(e -> e.getMessage()).collect(Collectors.toList())
                : List.of();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // A temporary profile left behind is harmless.
            }
        }
    }
}
