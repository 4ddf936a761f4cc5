package org.culturecard.central.web;

import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every browser test class shares: a real central on its own PostgreSQL and Mosquitto
 * ({@link WebSite}), one headless Chromium for the class, and no session carried from one test
 * to the next. The extensions start their servers for each test class in turn.
 */
abstract class BrowserTestBase {

    @RegisterExtension
    static final MosquittoExtension BROKER = new MosquittoExtension();
    @RegisterExtension
    static final PostgresExtension DB = new PostgresExtension();

    static WebSite site;
    static WebBrowser browser;

    @BeforeAll
    static void startCentralAndTheBrowser() throws Exception {
        site = WebSite.start(DB, BROKER, "web_browser");
        browser = new WebBrowser(site.url);
    }

    @AfterAll
    static void stopBoth() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (site != null) {
            site.close();
            site = null;
        }
    }

    @AfterEach
    void forgetTheSession() {
        browser.driver.manage().deleteAllCookies();
    }
}
