package org.culturecard.central.web.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1 from the JDK, 30-second
 * steps, six digits, one step either side accepted for clock drift. No well-kept Java TOTP library
 * is on Maven Central, so this follows the RFC and is tested against its appendix B vectors.
 */
public final class Totp {

    /** Seconds per step. */
    public static final int STEP_SECONDS = 30;
    private static final int SECRET_BYTES = 20;
    private static final Base32 BASE32 = new Base32();

    private Totp() {
    }

    /** A new 160-bit secret in base32 (32 characters, no padding), as authenticator apps take it. */
    public static String newSecret(SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return BASE32.encodeToString(secret).replace("=", "");
    }

    /** The {@code otpauth://} URI an authenticator app reads (as a QR code or typed). */
    public static String uri(String issuer, String account, String secret) {
        String label = enc(issuer) + ":" + enc(account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + enc(issuer) + "&algorithm=SHA1&digits=6&period="
                + STEP_SECONDS;
    }

    /** The code for {@code secret} (base32) at {@code at}, zero-padded to {@code digits}. */
    public static String code(String secret, Instant at) {
        return hotp(BASE32.decode(secret), Math.floorDiv(at.getEpochSecond(), STEP_SECONDS), 6, "HmacSHA1");
    }

    /** True when {@code code} is the code of the step at {@code at} or of the step before or after it. */
    public static boolean verify(String secret, String code, Instant at) {
        if (code == null || !code.matches("\\d{6}")) {
            return false;
        }
        byte[] key = BASE32.decode(secret);
        long step = Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
        boolean ok = false;
        for (long s = step - 1; s <= step + 1; s++) {
            ok |= MessageDigest.isEqual(hotp(key, s, 6, "HmacSHA1").getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII));
        }
        return ok;
    }

    /** RFC 4226 HOTP with dynamic truncation; {@code algorithm} is a JCA MAC name (HmacSHA1, HmacSHA256, HmacSHA512). */
    static String hotp(byte[] key, long counter, int digits, String algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, "RAW"));
            byte[] message = new byte[8];
            for (int i = 7; i >= 0; i--) {
                message[i] = (byte) (counter & 0xff);
                counter >>>= 8;
            }
            byte[] h = mac.doFinal(message);
            int offset = h[h.length - 1] & 0x0f;
            int binary = (h[offset] & 0x7f) << 24 | (h[offset + 1] & 0xff) << 16 | (h[offset + 2] & 0xff) << 8
                    | h[offset + 3] & 0xff;
            int modulo = 1;
            for (int i = 0; i < digits; i++) {
                modulo *= 10;
            }
            StringBuilder out = new StringBuilder(Integer.toString(binary % modulo));
            while (out.length() < digits) {
                out.insert(0, '0');
            }
            return out.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no " + algorithm, e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
