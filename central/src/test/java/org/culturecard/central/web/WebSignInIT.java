package org.culturecard.central.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.culturecard.central.config.Role;
import java.security.SecureRandom;
import java.util.Set;
import java.util.UUID;
import org.culturecard.central.web.account.Account;
import org.culturecard.central.web.account.Accounts;
import org.culturecard.central.web.account.Passwords;
import org.culturecard.central.web.account.SignIn;
import org.culturecard.central.web.account.Totp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/** Signing in to the staff web in a real headless Chromium, against a real central on PostgreSQL. */
class WebSignInIT extends BrowserTestBase {

    @Test
    void theRightPasswordAndCodeSignInAndTheSignInIsAudited() throws Exception {
        browser.open("/admin/reports/engagement");
        assertThat(browser.driver.getCurrentUrl()).as("not signed in: sent to sign in").endsWith("/admin/sign-in");
        browser.assertAccessible();
        browser.signIn(site.login(Role.OFFICER));
        assertThat(browser.heading()).isEqualTo("Culture Card for partnership staff");
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.driver.getPageSource()).contains("Signed in as web-officer (officer)");
        browser.assertAccessible();
        assertThat(site.rows("SELECT token_name, role, method, route FROM api_audit WHERE route = '/admin/sign-in'"))
                .contains("web-officer|officer|POST|/admin/sign-in");
        browser.signOut();
        assertThat(browser.driver.getCurrentUrl()).endsWith("/admin/sign-in");
        browser.open("/admin");
        assertThat(browser.driver.getCurrentUrl()).as("signed out").endsWith("/admin/sign-in");
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() throws Exception {
        WebSite.Login login = site.login(Role.RESEARCHER);
        browser.signIn(login, login.password() + "x", null);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/admin/sign-in");
        assertThat(browser.driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("The user name, password or code is not right.");
        assertThat(browser.driver.findElement(By.id("password")).getAttribute("value")).as("the password is not sent back").isEmpty();
        browser.assertAccessible();
    }

    @Test
    void aWrongCodeIsRefused() {
        WebSite.Login login = site.login(Role.AUDITOR);
        String right = Totp.code(login.totpSecret(), Instant.now());
        String wrong = right.equals("000000") ? "111111" : "000000";
        browser.signIn(login, login.password(), wrong);
        assertThat(browser.driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("The user name, password or code is not right.");
        browser.signIn(login, login.password(), null);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/admin");
    }

    @Test
    void anAccountIsThrottledAfterFiveFailuresEvenWithTheRightPassword() {
        WebSite.Login login = site.login(Role.ADMIN);
        for (int i = 0; i < SignIn.PER_ACCOUNT; i++) {
            browser.signIn(login, "wrong password " + i, null);
            assertThat(browser.driver.getPageSource()).contains("The user name, password or code is not right.");
        }
        browser.signIn(login, login.password(), null);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/admin/sign-in");
        assertThat(browser.driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("Too many attempts. Wait 15 minutes, then try again.");
    }

    @Test
    void onlyAnAccountMadeWithoutTotpSignsInWithoutACode() {
        Accounts accounts = new Accounts(site.central.store().dataSource());
        accounts.add(new Account(UUID.randomUUID(), "demo-like", Role.OFFICER, Set.of(),
                new Passwords(new SecureRandom()).hash("demo-like-password"), Totp.newSecret(new SecureRandom()), false, false),
                Instant.now());
        browser.signIn(new WebSite.Login("demo-like", "demo-like-password", "unused"), "demo-like-password", "");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/admin");
        browser.driver.manage().deleteAllCookies();
        WebSite.Login officer = site.login(Role.OFFICER);
        browser.signIn(officer, officer.password(), "");
        assertThat(browser.driver.getCurrentUrl()).as("a real account needs its code").endsWith("/admin/sign-in");
    }

    @Test
    void signingInWithTheKeyboardAloneWorks() {
        WebSite.Login login = site.login(Role.VENUE_MANAGER);
        browser.open("/admin/sign-in");
        Actions keys = new Actions(browser.driver);
        keys.sendKeys(Keys.TAB).perform();
        assertThat(browser.driver.switchTo().activeElement().getText()).as("the skip link comes first").isEqualTo("Skip to main content");
        keys.sendKeys(Keys.ENTER).perform();
        keys.sendKeys(Keys.TAB).perform();
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("username");
        keys.sendKeys(login.username()).sendKeys(Keys.TAB).sendKeys(login.password()).sendKeys(Keys.TAB)
                .sendKeys(Totp.code(login.totpSecret(), Instant.now())).sendKeys(Keys.ENTER).perform();
        browser.waiting().until(d -> d.getCurrentUrl().endsWith("/admin"));
        assertThat(browser.driver.getPageSource()).contains("Signed in as web-venue-manager (venue-manager)");
    }
}
