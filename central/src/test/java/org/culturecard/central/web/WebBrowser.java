package org.culturecard.central.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.culturecard.central.web.account.Totp;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, one per test class (starting it takes seconds).
 * The binary and the driver are set explicitly so Selenium Manager never tries to download one;
 * a missing browser is a failure, not a skip (./run-tests installs chromium and chromium-driver).
 */
final class WebBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    final WebDriver driver;
    private final String base;

    WebBrowser(String base) {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium chromium-driver)").isExecutable();
        assertThat(DRIVER).as("Debian's chromium-driver").exists();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--lang=en-GB");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.base = base;
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** Fills the sign-in form and sends it with the mouse-free submit; {@code code} null: the right code now. */
    void signIn(WebSite.Login login, String password, String code) {
        open("/admin/sign-in");
        driver.findElement(By.id("username")).sendKeys(login.username());
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("code")).sendKeys(code == null ? Totp.code(login.totpSecret(), Instant.now()) : code);
        driver.findElement(By.id("sign-in")).click();
    }

    void signIn(WebSite.Login login) {
        signIn(login, login.password(), null);
        assertThat(driver.getCurrentUrl()).endsWith("/admin");
    }

    void signOut() {
        driver.findElement(By.cssSelector("form[action='/admin/sign-out'] button")).click();
    }

    /** The browser console's messages since the last call (CSP violations show up here). */
    List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    /** axe-core on the current page: no serious or critical violation. */
    void assertAccessible() {
        Results results = new AxeBuilder().analyze(driver);
        List<String> bad = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(WebBrowser::describe).toList();
        assertThat(bad).as("serious or critical axe violations on " + driver.getCurrentUrl()).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget()))
                .toList();
    }

    /** Saves a PNG of the whole current page (for docs/web.md), the window stretched to its height for it. */
    void screenshot(Path file) throws java.io.IOException {
        Files.createDirectories(file.getParent());
        long height = (Long) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollHeight;");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, (int) Math.min(height + 140, 2400)));
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
