package dev.automations.it;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Debian's chromium, headless, driven through Debian's chromium-driver (both named explicitly, so Selenium never
 * looks for or downloads a browser), with a fresh profile and no traffic beyond the loopback service it tests.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("it.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("it.chromedriver", "/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);

    final ChromeDriver driver;
    private final URL base;
    private final Path profile;
    private final Path screenshots;

    Browser(URL base, Path screenshots) {
        for (String file : new String[]{CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(Path.of(file))) {
                throw new IllegalStateException(file + " is missing: apt-get install -y chromium chromium-driver (.ci/run does)");
            }
        }
        this.base = base;
        this.screenshots = screenshots;
        try {
            profile = Files.createTempDirectory("console-it-profile");
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--disable-default-apps", "--no-default-browser-check", "--window-size=1280,1000",
                // Any name but the loopback address resolves to nothing: the console must not need the network.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    void open(String hash) {
        driver.get(base.toString().replaceAll("/$", "") + "/" + hash);
    }

    <T> T until(String what, ExpectedCondition<T> condition) {
        // A page re-renders as its data arrives, so an element found a moment ago may be gone: look again.
        return new WebDriverWait(driver, WAIT).withMessage(() -> "waiting until " + what + " at " + driver.getCurrentUrl())
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    WebElement visible(By by) {
        return until(by + " is visible", d -> {
            WebElement el = d.findElements(by).stream().findFirst().orElse(null);
            return el != null && el.isDisplayed() ? el : null;
        });
    }

    /** Waits until the page's heading reads {@code text}: the route has rendered. */
    void heading(String text) {
        until("the heading reads \"" + text + "\"", d -> d.findElements(By.tagName("h1")).stream().anyMatch(h -> h.getText().equals(text)));
    }

    void type(By by, String text) {
        WebElement el = visible(by);
        el.clear();
        el.sendKeys(text);
    }

    Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    void screenshot(String name) {
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver.Options manage() {
        return driver.manage();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
