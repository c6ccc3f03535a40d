package com.garage.mobile.testing.browser;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium driven by Debian's chromedriver, with a fresh profile ({@link Chromium}), for the
 * web apps' tests (docs/apps.md): open a screen, wait for it, go offline and online (Chromium's own network
 * emulation), check it with axe-core and keep screenshots at phone and desktop widths under
 * {@code target/browser-screenshots}. What they show when a test fails is kept by {@link BrowserEvidence}.
 */
public final class AppBrowser implements AutoCloseable {

    /** The phone width the apps are designed from, and a desktop's. */
    public static final List<Integer> WIDTHS = List.of(360, 1280);
    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    private static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static final Set<AppBrowser> OPEN = ConcurrentHashMap.newKeySet();
    private static final Set<AppBrowser> CLOSED_WHILE_WATCHED = ConcurrentHashMap.newKeySet();
    private static volatile boolean watched;

    private final Chromium chromium = Chromium.take();
    private final ChromeDriver driver = chromium.driver();
    private final URI base;

    public AppBrowser(URI base) {
        this.base = base;
        OPEN.add(this);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base.resolve(path).toString());
    }

    /**
     * Loads the app afresh at the address of one of its screens, as a bookmark would. The app open now may still be
     * installing its service worker: the load waits for it, since a page loading while the worker activates is
     * missed by its {@code clients.claim()} and stays uncontrolled until the next load.
     */
    public void load(String path) {
        settleServiceWorker();
        open(path);
        driver.navigate().refresh();
    }

    /** Waits, up to 10 s, until the service worker the open app registers is active; at once off the app. */
    private void settleServiceWorker() {
        driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "if (!('serviceWorker' in navigator) || !location.pathname.startsWith('/app/')) { done(); return; }"
                + "Promise.race([navigator.serviceWorker.ready, new Promise((resolve) => setTimeout(resolve, 10000))])"
                + "  .then(() => done(), () => done());");
    }

    /**
     * Opens /app/ signed in as the person {@code accessToken} names, with the tokens the sign-in keeps for the tab
     * ({@code auth.js}) already there, as after a reload: the trip through the login page is what the sign-in's own
     * tests check ({@link #signInThroughTheLoginPage}), and it would cost each test two loads of the app and the
     * login form. Refreshes and step-ups still go to the test OIDC server, which answers with this token.
     */
    public void signIn(WireMockServer identity, String accessToken) {
        TestSignIn.as(identity, accessToken);
        open("/app/manifest.webmanifest");
        driver.executeScript("sessionStorage.setItem('garage.tokens', JSON.stringify({ access: arguments[0],"
                + " refresh: arguments[1], expiresAt: Date.now() + 300000 }))", accessToken,
                TestSignIn.refreshToken(accessToken));
        open("/app/");
        waitFor(".nav__link");
    }

    /**
     * Signs in at /app/ through the test OIDC server's login page as {@code username}, the token endpoint answering
     * with {@code accessToken} ({@link TestSignIn}), and waits for the sections.
     */
    public void signInThroughTheLoginPage(WireMockServer identity, String accessToken, String username) {
        TestSignIn.as(identity, accessToken);
        signInThroughTheLoginPage(username);
    }

    /** Signs in at /app/ through the login page as {@code username}, with tokens the test stubbed itself. */
    public void signInThroughTheLoginPage(String username) {
        open("/app/");
        waitFor("#sign-in").click();
        waitFor("#username").sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("secret");
        driver.findElement(By.id("login")).click();
        waitFor(".nav__link");
    }

    public WebElement waitFor(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Clicks what {@code css} finds; if a live redraw replaced it meanwhile, the new one. */
    public void click(String css) {
        retrying(() -> waitFor(css).click());
    }

    /** Does something to elements that a live redraw may replace meanwhile, again on the new ones if it did. */
    public void retrying(Runnable action) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(d -> {
            action.run();
            return true;
        });
    }

    public void waitForText(String css, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /** The texts of what {@code css} finds, read again if a live redraw replaced an element while they were read. */
    public List<String> texts(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList());
    }

    /** Cuts the page off the network, or gives it back, as the browser's offline mode does. */
    public void offline(boolean offline) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /**
     * Holds back from the page the answer to the next {@code method} request whose path ends with {@code pathEnd},
     * which {@code cause} makes it send, as a slow network would: the request goes and the server answers, the page
     * gets the answer at {@link #releaseHeldAnswers()}. Returns once the answer came.
     */
    public void holdAnswer(String method, String pathEnd, Runnable cause) {
        int held = heldAnswers();
        driver.executeScript("""
                const [method, pathEnd] = arguments;
                if (!window.held) {
                  const fetchNow = window.fetch.bind(window);
                  window.held = { wanted: [], answers: [] };
                  window.fetch = (resource, options = {}) => {
                    const answer = fetchNow(resource, options);
                    const path = new URL(String(resource), location.href).pathname;
                    const wanted = window.held.wanted.findIndex((one) => one.method === (options.method || 'GET')
                      && path.endsWith(one.pathEnd));
                    if (wanted < 0) return answer;
                    window.held.wanted.splice(wanted, 1);
                    return new Promise((resolve) => answer.catch(() => {})
                      .then(() => window.held.answers.push(() => resolve(answer))));
                  };
                }
                window.held.wanted.push({ method, pathEnd });""", method, pathEnd);
        cause.run();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> heldAnswers() > held);
    }

    /** Hands the page the answers held back, and gives it 300 ms to act on them. */
    public void releaseHeldAnswers() {
        driver.executeAsyncScript("window.held.answers.splice(0).forEach((release) => release());"
                + "setTimeout(arguments[arguments.length - 1], 300)");
    }

    private int heldAnswers() {
        return ((Number) driver.executeScript("return window.held ? window.held.answers.length : 0")).intValue();
    }

    /** Lets the app show notifications, as a person answering the browser's question with "Allow" does. */
    public void allowNotifications() {
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("permissions", List.of("notifications"),
                "origin", base.toString().replaceAll("/$", "")));
    }

    /** Waits until the app's service worker controls the page. */
    public void waitForServiceWorker() {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(
                d -> Boolean.TRUE.equals(driver.executeScript("return navigator.serviceWorker.controller !== null")));
    }

    /** Whether a file is in one of the service worker's caches. */
    public boolean shellCached(String path) {
        return Boolean.TRUE.equals(driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "caches.match(arguments[0]).then(found => done(found !== undefined), () => done(false));", path));
    }

    /** The serious and critical axe-core violations of the page as it is now, each as "rule: target". */
    @SuppressWarnings("unchecked")
    public List<String> seriousViolations() {
        driver.executeScript(axeSource());
        Map<String, Object> results = (Map<String, Object>) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(done, e => done({error: String(e)}));");
        if (results.containsKey("error")) {
            throw new IllegalStateException("axe-core failed: " + results.get("error"));
        }
        return ((List<Map<String, Object>>) results.get("violations")).stream()
                .filter(violation -> List.of("serious", "critical").contains(violation.get("impact")))
                .map(violation -> violation.get("id") + ": " + ((List<Map<String, Object>>) violation.get("nodes"))
                        .stream().map(node -> String.valueOf(node.get("target"))).toList())
                .toList();
    }

    /** Saves the screen at each of {@link #WIDTHS} as {@code target/browser-screenshots/<name>-<width>.png}. */
    public void screenshots(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            for (int width : WIDTHS) {
                driver.manage().window().setSize(new Dimension(width, 900));
                Files.write(SCREENSHOTS.resolve(name + "-" + width + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            }
            driver.manage().window().setSize(new Dimension(1280, 900));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quits the browser; while {@link BrowserEvidence} watches a test, once the test is over. */
    @Override
    public void close() {
        if (watched) {
            CLOSED_WHILE_WATCHED.add(this);
        } else {
            quit();
        }
    }

    /** From now on a browser closed is kept open until {@link #stopWatching()}, for its evidence. */
    static void watch() {
        watched = true;
    }

    /** The browsers opened and not yet quit, those the watched test closed included. */
    static List<AppBrowser> open() {
        return List.copyOf(OPEN);
    }

    /** Quits the browsers closed while watched, and closes at once from now on. */
    static void stopWatching() {
        watched = false;
        CLOSED_WHILE_WATCHED.forEach(AppBrowser::quit);
        CLOSED_WHILE_WATCHED.clear();
    }

    private void quit() {
        OPEN.remove(this);
        chromium.quit();
    }

    private static String axeSource() {
        try (InputStream in = AppBrowser.class.getResourceAsStream(AXE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
