package org.culturecard.testsupport.mqtt;

import org.culturecard.testsupport.server.MissingServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one real Mosquitto per test class and injects it as a {@link MosquittoServer} parameter.
 *
 * <p>Use {@code @ExtendWith(MosquittoExtension.class)} for the defaults, or
 * {@code @RegisterExtension static MosquittoExtension broker = MosquittoExtension.with(MosquittoServer.builder()...)}
 * for other options; then {@code broker.server()} is also available. With {@code CI=true} a missing
 * binary fails the class naming the apt package {@code mosquitto}; elsewhere the class is skipped.
 */
public final class MosquittoExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MosquittoExtension.class);
    private static final String KEY = "server";

    private final MosquittoServer.Builder options;
    private MosquittoServer server;

    /** The default broker (for {@code @ExtendWith}). */
    public MosquittoExtension() {
        this(MosquittoServer.builder());
    }

    private MosquittoExtension(MosquittoServer.Builder options) {
        this.options = options;
    }

    /** A broker with the given options (for {@code @RegisterExtension static}). */
    public static MosquittoExtension with(MosquittoServer.Builder options) {
        return new MosquittoExtension(options);
    }

    /** The running broker of the current test class. */
    public MosquittoServer server() {
        if (server == null) {
            throw new IllegalStateException("the broker starts in beforeAll; register the extension on a static field");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (MosquittoServer.findBinary().isEmpty()) {
            MissingServer.report("mosquitto (" + MosquittoServer.DEFAULT_BINARY + ")", MosquittoServer.APT_PACKAGE);
        }
        server = options.build();
        context.getStore(NAMESPACE).put(KEY, server);
        server.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        MosquittoServer running = context.getStore(NAMESPACE).remove(KEY, MosquittoServer.class);
        if (running != null) {
            running.close();
        }
        server = null;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == MosquittoServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        MosquittoServer found = extensionContext.getStore(NAMESPACE).get(KEY, MosquittoServer.class);
        if (found == null) {
            throw new IllegalStateException("no Mosquitto started for " + extensionContext.getDisplayName());
        }
        return found;
    }
}
