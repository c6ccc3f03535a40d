package com.garage.mobile.testing.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;

/**
 * A started headless Chromium with its chromedriver and a profile of its own. Starting one takes 1.5 to 2.5 s on
 * a CI machine, a fifth of a short browser test: {@link #take} hands over one started while the last test ran, and
 * starts the next.
 */
record Chromium(ChromeDriver driver, ChromeDriverService service, Path profile) {

    private static final ExecutorService STARTER = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("chromium-starter").factory());
    private static final Object PORTS = new Object();
    private static volatile CompletableFuture<Chromium> next;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Chromium::quitTheNext));
    }

    /** A started Chromium, the caller's to quit. */
    static synchronized Chromium take() {
        CompletableFuture<Chromium> ready = next;
        next = CompletableFuture.supplyAsync(Chromium::start, STARTER);
        if (ready == null) {
            return start();
        }
        try {
            return ready.join();
        } catch (CompletionException failed) {
            return start();
        }
    }

    /** Quits Chromium and its chromedriver and deletes its profile (a few MB each, sixty browsers a run). */
    void quit() {
        driver.quit();
        service.stop();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException vanishedMeanwhile) {
            // A helper process of Chromium may still remove files while the walk runs: a profile left behind
            // costs a few MB of /tmp, a failure here would fail the test that merely closed its browser.
        }
    }

    private static Chromium start() {
        Path profile;
        try {
            profile = Files.createTempDirectory("garage-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = startedDriverService();
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1280,900");
        // The page's console, for what a failed test keeps (BrowserEvidence).
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        return new Chromium(new ChromeDriver(service, options), service, profile);
    }

    /** The one started for a test that never came: quit with the test JVM, not left running. */
    private static void quitTheNext() {
        CompletableFuture<Chromium> unused = next;
        if (unused == null) {
            return;
        }
        try {
            unused.get(30, TimeUnit.SECONDS).quit();
        } catch (Exception notStarted) {
            unused.cancel(true);
        }
    }

    /** A chromedriver on a port of its own: a port is taken and bound before another start looks for one. */
    private static ChromeDriverService startedDriverService() {
        synchronized (PORTS) {
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingPort(freePort()).build();
            try {
                service.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return service;
        }
    }

    /** A free port in the range {@code garage.browser.ports} (default 19500-19599) for chromedriver. */
    private static int freePort() {
        String[] range = System.getProperty("garage.browser.ports", "19500-19599").split("-");
        return IntStream.rangeClosed(Integer.parseInt(range[0]), Integer.parseInt(range[1]))
                .filter(Chromium::free).findFirst()
                .orElseThrow(() -> new IllegalStateException("no free port for chromedriver"));
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return socket.getLocalPort() == port;
        } catch (IOException busy) {
            return false;
        }
    }
}
