package com.garage.mobile.testing.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * When a browser test fails, keeps what each of its browsers showed (the screen, the page's markup, its address and
 * tabs, the browser's console) as {@code target/browser-failures/<test>-<n>.png}, {@code .html} and {@code .txt}: a
 * failure seen once on CI can then be read, not guessed. A browser the test closes, by {@code try}-with-resources
 * before the failure reaches here, stays open until this has looked at it.
 */
public final class BrowserEvidence implements BeforeTestExecutionCallback, AfterTestExecutionCallback {

    private static final Path FAILURES = Path.of("target", "browser-failures");
    /** A hung page can hang WebDriver's calls for minutes; the evidence is not worth more than this. */
    private static final long MOST_SECONDS = 30;

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        AppBrowser.watch();
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        try {
            if (context.getExecutionException().isPresent()) {
                keep(context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName());
            }
        } finally {
            AppBrowser.stopWatching();
        }
    }

    private static void keep(String test) {
        CompletableFuture<Void> kept = CompletableFuture.runAsync(() -> {
            int n = 0;
            for (AppBrowser browser : AppBrowser.open()) {
                keep(browser.driver(), test + "-" + ++n);
            }
        });
        try {
            kept.get(MOST_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException hung) {
            System.err.printf("browser evidence of %s: not complete within %d s%n", test, MOST_SECONDS);
        } catch (Exception failed) {
            System.err.printf("browser evidence of %s: %s%n", test, failed);
        }
    }

    /**
     * The text first, then the markup and the screen: a page too hung for a screenshot has given its console by then.
     * The text goes to the test's output too, where a CI run's log keeps it when its files are gone.
     */
    private static void keep(ChromeDriver driver, String name) {
        List<String> lines = new ArrayList<>();
        try {
            Files.createDirectories(FAILURES);
            lines.add("tabs: " + driver.getWindowHandles());
            lines.add("address: " + driver.getCurrentUrl());
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                lines.add(entry.toString());
            }
            Files.writeString(FAILURES.resolve(name + ".txt"), String.join("\n", lines));
            Files.writeString(FAILURES.resolve(name + ".html"), driver.getPageSource());
            Files.write(FAILURES.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException | RuntimeException failed) {
            lines.add("evidence incomplete: " + failed);
        }
        System.err.println("browser evidence, " + FAILURES.resolve(name).toAbsolutePath() + ".{txt,html,png}:\n  "
                + String.join("\n  ", lines));
    }
}
