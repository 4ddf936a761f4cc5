package org.culturecard.provisioning.readers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import org.culturecard.core.privacy.SchemeKey;

/** Reads the scheme's HMAC key file as the kiosk does: hex text (64+ digits) or raw bytes. */
public final class SchemeKeyFiles {
    private SchemeKeyFiles() {}

    public static SchemeKey load(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        String text = new String(content, StandardCharsets.US_ASCII).trim();
        if (text.matches("(?i)[0-9a-f]{64,}")) {
            return SchemeKey.of(HexFormat.of().parseHex(text.toLowerCase(Locale.ROOT)));
        }
        return SchemeKey.of(content);
    }
}
