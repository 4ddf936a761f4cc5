package org.culturecard.testsupport.postgres;

import org.culturecard.testsupport.server.MissingServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one real PostgreSQL per test class and injects it as a {@link PostgresServer} parameter.
 *
 * <p>Use {@code @ExtendWith(PostgresExtension.class)}, or {@code @RegisterExtension static
 * PostgresExtension db = new PostgresExtension();} to reach {@code db.server()} from fields. Tests
 * that need isolation call {@link PostgresServer#createDatabase(String)}. With {@code CI=true} a
 * missing server fails the class naming the apt package {@code postgresql}; elsewhere it is skipped.
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);
    private static final String KEY = "server";

    private PostgresServer server;

    /** The running server of the current test class. */
    public PostgresServer server() {
        if (server == null) {
            throw new IllegalStateException("PostgreSQL starts in beforeAll; register the extension on a static field");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (PostgresServer.findBinDir().isEmpty()) {
            MissingServer.report("PostgreSQL (" + PostgresServer.INSTALL_ROOT + "/*/bin)", PostgresServer.APT_PACKAGE);
        }
        server = PostgresServer.create();
        context.getStore(NAMESPACE).put(KEY, server);
        server.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        PostgresServer running = context.getStore(NAMESPACE).remove(KEY, PostgresServer.class);
        if (running != null) {
            running.close();
        }
        server = null;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        PostgresServer found = extensionContext.getStore(NAMESPACE).get(KEY, PostgresServer.class);
        if (found == null) {
            throw new IllegalStateException("no PostgreSQL started for " + extensionContext.getDisplayName());
        }
        return found;
    }
}
