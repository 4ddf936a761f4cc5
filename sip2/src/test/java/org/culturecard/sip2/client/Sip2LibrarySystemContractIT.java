package org.culturecard.sip2.client;

import java.time.Duration;
import java.util.List;
import org.culturecard.sip2.LibrarySystem;
import org.culturecard.sip2.LibrarySystemContract;
import org.culturecard.sip2.Sip2Config;
import org.culturecard.testsupport.sip2.Sip2TestPatron;
import org.culturecard.testsupport.sip2.Sip2TestServer;
import org.junit.jupiter.api.AfterEach;

/** The SIP2 client passes the LibrarySystem contract against the SIP2 test server, over real sockets. */
class Sip2LibrarySystemContractIT extends LibrarySystemContract {
    private Sip2TestServer server;

    @Override
    protected LibrarySystem systemWith(List<ContractPatron> patrons) {
        Sip2TestServer.Builder lms = Sip2TestServer.builder().institution("CC").login("kiosk-1", "s3cret")
                .checksums(true).clock(CLOCK);
        for (ContractPatron p : patrons) {
            lms.patron(Sip2TestPatron.valid(p.barcode(), "Ann Reader").withPin(p.pin()).bornOn(p.birthDate())
                    .expiringOn(p.expiry()).standing(Sip2TestPatron.Standing.valueOf(p.standing().name())));
        }
        server = lms.start();
        return new Sip2LibrarySystem(Sip2Config.builder(server.host(), server.port()).login("kiosk-1", "s3cret", "CC-1")
                .institution("CC").checksums(true).readTimeout(Duration.ofSeconds(5)).build(), CLOCK);
    }

    @Override
    protected void makeUnreachable() {
        server.close();
    }

    @AfterEach
    void stopTheServer() {
        if (server != null) {
            server.close();
        }
    }
}
