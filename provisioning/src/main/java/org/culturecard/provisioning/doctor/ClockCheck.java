package org.culturecard.provisioning.doctor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The doctor's clock check: the local clock within 5 s of the Date header of a reference URL
 * (Mosquitto sends no time); skipped without a URL or when it cannot be reached.
 */
final class ClockCheck {
    private final Clock clock;
    private final URI timeUrl;
    private final Duration timeout;

    ClockCheck(Clock clock, URI timeUrl, Duration timeout) {
        this.clock = clock;
        this.timeUrl = timeUrl;
        this.timeout = timeout;
    }

    CheckResult check() {
        if (timeUrl == null) {
            return CheckResult.skip("clock", "skipped: no --time-url given (Mosquitto sends no time); "
                    + "check 'timedatectl' shows System clock synchronized: yes");
        }
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
            Instant before = clock.instant();
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(timeUrl).method("HEAD",
                    HttpRequest.BodyPublishers.noBody()).timeout(timeout).build(), HttpResponse.BodyHandlers.discarding());
            Instant after = clock.instant();
            String date = response.headers().firstValue("Date").orElse(null);
            if (date == null) {
                return CheckResult.skip("clock", "skipped: " + timeUrl + " sent no Date header");
            }
            Instant remote = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Instant local = before.plus(Duration.between(before, after).dividedBy(2));
            Duration offset = Duration.between(remote, local).abs();
            if (offset.compareTo(Duration.ofSeconds(5)) > 0) {
                return CheckResult.fail("clock", "local clock is " + offset.toSeconds() + " s off " + timeUrl,
                        "enable time sync: sudo timedatectl set-ntp true (systemd-timesyncd)");
            }
            return CheckResult.pass("clock", "within " + Math.max(1, offset.toSeconds()) + " s of " + timeUrl + " (1 s resolution)");
        } catch (IOException | RuntimeException e) {
            return CheckResult.skip("clock", "skipped: cannot reach " + timeUrl + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.skip("clock", "skipped: interrupted");
        }
    }

}
