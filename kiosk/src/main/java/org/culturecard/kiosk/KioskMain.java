package org.culturecard.kiosk;

import java.nio.file.Path;
import java.time.Clock;
import org.culturecard.kiosk.config.EnrolmentConfig;
import org.culturecard.kiosk.config.KioskConfig;
import org.culturecard.reader.CardReader;
import org.culturecard.reader.PcscCardReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production entry point (run by the kiosk's systemd unit): the configuration file is the
 * first argument, or {@code CULTURECARD_KIOSK_CONFIG}, or {@code /etc/culturecard/kiosk.properties}.
 */
public final class KioskMain {
    private static final Logger LOG = LoggerFactory.getLogger(KioskMain.class);
    private static final String DEFAULT_CONFIG = "/etc/culturecard/kiosk.properties";

    private KioskMain() {}

    public static void main(String[] args) {
        String configured = args.length > 0 ? args[0] : System.getenv().getOrDefault("CULTURECARD_KIOSK_CONFIG",
                DEFAULT_CONFIG);
        KioskConfig config = KioskConfig.load(Path.of(configured), System.getenv());
        EnrolmentConfig enrolment = EnrolmentConfig.load(Path.of(configured), System.getenv());
        KioskLauncher.launch(config, enrolment, pcscReader(), KioskHooks.builder().readerFeedback(PcscCardReader.feedback()).build());
    }

    private static CardReader pcscReader() {
        LOG.info("Reading cards through PC/SC (pcscd)");
        return new PcscCardReader(Clock.systemUTC());
    }
}
