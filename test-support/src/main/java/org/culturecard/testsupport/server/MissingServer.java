package org.culturecard.testsupport.server;

import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when a server binary is not installed: with {@code CI=true} it fails, naming the
 * apt package, because CI must never pass by skipping; on a developer machine it skips with the
 * same message.
 */
public final class MissingServer {

    private MissingServer() {
    }

    /** True when the environment says this is CI ({@code CI=true}). */
    public static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Fails (CI) or aborts (elsewhere) the current test because {@code what} is missing. */
    public static void report(String what, String aptPackage) {
        report(what + " is not installed: apt-get install -y " + aptPackage);
    }

    /** Fails (CI) or aborts (elsewhere) the current test; {@code message} says what is missing and how to install it. */
    public static void report(String message) {
        if (onCi()) {
            throw new IllegalStateException(message + " (CI=true: a missing server fails the build)");
        }
        // The one deliberate skip: a developer's plain `mvn verify` on a machine without the servers
        // still runs the unit tests. ./run-tests installs the servers first, and CI sets CI=true.
        Assumptions.abort(message);
    }
}
