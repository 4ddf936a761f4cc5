package org.culturecard.mqttlink.tls;

/** The configured PEM files cannot be turned into a TLS setup: a config problem, not a network one. */
public final class TlsSetupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
