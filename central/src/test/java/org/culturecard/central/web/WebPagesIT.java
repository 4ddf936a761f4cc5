package org.culturecard.central.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.culturecard.central.config.Role;
import org.culturecard.central.report.EngagementReport;
import org.culturecard.central.report.ReportFormats;
import org.culturecard.central.report.ReportQueries;
import org.culturecard.central.report.ReportSpec;
import org.culturecard.central.web.pages.ReportTable;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Every staff page in a real headless Chromium against a real central on PostgreSQL: the figures
 * are ReportQueries' own, the chart is drawn, axe finds nothing serious, no CSP violation is
 * logged, and a venue manager sees only its venue. With {@code -Dweb.screenshots=DIR} each page is
 * saved as a PNG there (docs/web.md's pictures).
 */
class WebPagesIT extends BrowserTestBase {
    private static final String RANGE = "from=" + WebSite.FROM + "&to=" + WebSite.TO;
    private static final String REPORT = "/admin/reports/engagement?by=venue&period=month&" + RANGE;

    @Test
    void theEngagementReportHasAChartAndTheTableHasReportQueriesFigures() throws Exception {
        browser.signIn(site.login(Role.OFFICER));
        shoot("home");
        browser.open(REPORT);
        browser.waiting().until(d -> !d.findElements(By.cssSelector("#report-chart canvas")).isEmpty());
        EngagementReport report = new ReportQueries(site.central.store().dataSource())
                .report(ReportSpec.parse("venue", "month", WebSite.FROM.toString(), WebSite.TO.toString()), null);
        List<ReportTable.Line> expected = ReportTable.of(report).lines();
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#report-table tbody tr"));
        assertThat(rows).hasSize(expected.size());
        for (int i = 0; i < rows.size(); i++) {
            ReportTable.Line line = expected.get(i);
            assertThat(rows.get(i).getText()).isEqualTo(String.join(" ", line.group(), line.period(), line.checkIns(),
                    line.people(), line.repeatRate(), line.breadthMean()));
        }
        assertThat(browser.driver.findElement(By.id("report-table")).getText()).contains("v1 ALL 47 30", "v2 ALL 28 25", "[c]");
        assertThat(browser.driver.findElement(By.id("suppression-note")).getText()).startsWith("[c]: suppressed.");
        assertThat(browser.driver.findElement(By.cssSelector("#report-chart canvas")).getSize().getHeight()).isGreaterThan(100);
        browser.assertAccessible();
        assertThat(browser.console()).noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused"));
        shoot("engagement");
        assertThat(download("/admin/reports/engagement.csv?by=venue&period=month&" + RANGE)).isEqualTo(ReportFormats.csv(report));
    }

    @Test
    void theReportCanBeAskedForWithTheKeyboardAlone() {
        browser.signIn(site.login(Role.RESEARCHER));
        browser.open("/admin/reports/engagement");
        Actions keys = new Actions(browser.driver);
        keys.sendKeys(Keys.TAB).sendKeys(Keys.ENTER).perform(); // the skip link, to the main content
        keys.sendKeys(Keys.TAB).perform();
        assertThat(active().getAttribute("id")).isEqualTo("by");
        keys.sendKeys(Keys.TAB).perform();
        assertThat(active().getAttribute("id")).isEqualTo("period-month");
        keys.sendKeys(Keys.ARROW_RIGHT).perform();
        assertThat(active().getAttribute("id")).isEqualTo("period-week");
        keys.sendKeys(Keys.TAB).perform();
        assertThat(active().getAttribute("id")).isEqualTo("from");
        clearAndType(keys, WebSite.FROM.toString());
        keys.sendKeys(Keys.TAB).perform();
        assertThat(active().getAttribute("id")).isEqualTo("to");
        clearAndType(keys, WebSite.TO.toString());
        keys.sendKeys(Keys.ENTER).perform();
        browser.waiting().until(d -> !d.findElements(By.id("report-table")).isEmpty());
        assertThat(browser.driver.getCurrentUrl()).contains("period=week", "from=2026-01-01", "to=2026-03-01");
        assertThat(browser.driver.findElement(By.id("report-table")).getText()).contains("v1");
    }

    @Test
    void coverageFleetDeadLettersAndTheAuditLogShowTheirRows() throws Exception {
        browser.signIn(site.login(Role.OFFICER));
        showsRows("/admin/reports/coverage?" + RANGE, "coverage-table", "coverage", "v1 30", "v2 25");
        assertThat(browser.heading()).isEqualTo("Enrolment coverage by venue");
        showsRows("/admin/fleet", "fleet-table", "fleet", "v1 k1", "v2 k2");
        browser.signOut();
        browser.signIn(site.login(Role.ADMIN));
        showsRows("/admin/dead-letters", "dead-letters-table", "dead-letters", "culturecard/v1/k1/checkins", "not json");
        browser.signOut();
        browser.signIn(site.login(Role.AUDITOR));
        showsRows("/admin/audit", "audit-table", "audit", "web-officer officer GET /admin/fleet",
                "web-admin admin GET /admin/dead-letters");
        browser.open("/admin/fleet");
        assertThat(browser.heading()).isEqualTo("You cannot see this page");
        browser.assertAccessible();
        browser.driver.manage().deleteAllCookies();
        browser.open("/admin/sign-in");
        shoot("sign-in");
    }

    @Test
    void aVenueManagerSeesItsOwnVenueOnlyOnEveryPage() throws Exception {
        browser.signIn(site.login(Role.VENUE_MANAGER));
        assertThat(browser.driver.findElements(By.cssSelector(".govuk-service-navigation__link"))).extracting(WebElement::getText)
                .containsExactly("Engagement", "Coverage", "Kiosks");
        browser.open(REPORT);
        String report = browser.driver.findElement(By.id("report-table")).getText();
        assertThat(report).contains("v1 2026-02").doesNotContain("v2");
        assertThat(download("/admin/reports/engagement.csv?by=venue&period=month&" + RANGE)).contains("v1,").doesNotContain("v2");
        browser.open("/admin/reports/engagement?by=event&period=month&" + RANGE);
        assertThat(browser.driver.findElement(By.id("report-table")).getText()).as("v1's 47 check-ins only").contains("ALL ALL 47");
        browser.open("/admin/reports/coverage?" + RANGE);
        assertThat(browser.driver.findElement(By.id("coverage-table")).getText()).contains("v1").doesNotContain("v2");
        assertThat(download("/admin/reports/coverage.csv?" + RANGE)).contains("v1,").doesNotContain("v2");
        browser.open("/admin/fleet");
        assertThat(browser.driver.findElement(By.id("fleet-table")).getText()).contains("k1").doesNotContain("k2");
        for (String refused : List.of("/admin/dead-letters", "/admin/audit")) {
            browser.open(refused);
            assertThat(browser.heading()).as(refused).isEqualTo("You cannot see this page");
        }
    }

    /** Opens {@code path}: its table {@code table} shows {@code texts}, axe is content, and the page is saved as {@code shot}. */
    private static void showsRows(String path, String table, String shot, String... texts) throws Exception {
        browser.open(path);
        assertThat(browser.driver.findElement(By.id(table)).getText()).contains(texts);
        browser.assertAccessible();
        shoot(shot);
    }

    private WebElement active() {
        return browser.driver.switchTo().activeElement();
    }

    private static void clearAndType(Actions keys, String text) {
        keys.keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(Keys.BACK_SPACE).sendKeys(text).perform();
    }

    /** GETs {@code path} with the browser's session cookie (HttpOnly, so read through WebDriver). */
    private static String download(String path) throws Exception {
        Cookie session = browser.driver.manage().getCookieNamed("cc_session");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(site.url + path))
                .header("Cookie", "cc_session=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));
        return response.body();
    }

    private static void shoot(String name) throws Exception {
        String dir = System.getProperty("web.screenshots");
        if (dir != null) {
            browser.screenshot(Path.of(dir, name + ".png"));
        }
    }
}
