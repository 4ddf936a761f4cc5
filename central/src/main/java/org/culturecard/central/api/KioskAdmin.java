package org.culturecard.central.api;

import org.culturecard.central.json.JsonBody;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.culturecard.central.store.CheckInQueries;
import org.culturecard.central.store.KioskRow;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;

/**
 * {@code PUT /api/kiosks/{kioskId}}: the admin's change to the kiosk registry, the contract that
 * provisioning uses. The body is {@code {"venueId": "...", "certFingerprint": "..."}} (the
 * fingerprint optional: the SHA-256 of the kiosk's certificate, 64 hex digits, stored in lower
 * case); it registers the kiosk or moves it to another venue through the store's own
 * {@code registerKiosk}, and answers with the kiosk as {@code GET /api/kiosks} lists it. Every
 * bad field is a 400 naming it.
 */
final class KioskAdmin {

    private static final Set<String> FIELDS = Set.of("venueId", "certFingerprint");
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-fA-F]{64}");

    private final CheckInQueries queries;
    private final CentralApi.KioskRegistrar registrar;

    KioskAdmin(CheckInQueries queries, CentralApi.KioskRegistrar registrar) {
        this.queries = queries;
        this.registrar = registrar;
    }

    /** Registers or moves {@code kiosk} as {@code body} says; the kiosk's registry row. */
    KioskRow register(KioskId kiosk, byte[] body) {
        ObjectNode fields = JsonBody.object(body, FIELDS, name -> "unknown field; this request takes venueId and certFingerprint");
        String venue = JsonBody.text(fields, "venueId");
        if (venue == null || !VenueId.isValid(venue)) {
            throw new IllegalArgumentException("venueId is required: a venue id, 1 to 64 of [a-z0-9-]");
        }
        String fingerprint = JsonBody.text(fields, "certFingerprint");
        if (fingerprint != null && !FINGERPRINT.matcher(fingerprint).matches()) {
            throw new IllegalArgumentException("certFingerprint must be the certificate's SHA-256, 64 hex digits");
        }
        registrar.register(kiosk, VenueId.of(venue), fingerprint == null ? null : fingerprint.toLowerCase(Locale.ROOT));
        return queries.kiosks().stream().filter(k -> k.kioskId().equals(kiosk.value())).findFirst()
                .orElseThrow(() -> new IllegalStateException("kiosk " + kiosk.value() + " is not in the registry after registering"));
    }
}
