package org.culturecard.testsupport.pcsc;

import org.culturecard.testsupport.server.MissingServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a real pcscd with two vpcd virtual readers for a test class and stops it afterwards, then
 * lets the next test JVM have the machine's pcscd (see {@link PcscdServer}); test
 * methods and constructors receive the {@link PcscdServer} as a parameter (to kill or restart it).
 *
 * <p>Where pcscd or vpcd is not installed, the class is skipped with a message naming the apt
 * packages; with the environment variable {@code CI=true} it fails instead, so CI never passes by
 * skipping.
 */
public final class PcscdExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PcscdExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        requireInstalled();
        PcscdServer server = PcscdServer.inTempDir();
        context.getStore(NAMESPACE).put(PcscdServer.class, server);
        server.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        PcscdServer server = context.getStore(NAMESPACE).remove(PcscdServer.class, PcscdServer.class);
        if (server != null) {
            server.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == PcscdServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return extensionContext.getStore(NAMESPACE).get(PcscdServer.class, PcscdServer.class);
    }

    /** Fails under CI, skips elsewhere, when pcscd or the vpcd driver is missing. */
    static void requireInstalled() {
        PcscdServer.missingPackages().ifPresent(MissingServer::report);
    }
}
