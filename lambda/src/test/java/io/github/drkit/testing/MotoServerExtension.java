package io.github.drkit.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs the tests of a class against a real AWS API server, {@code moto_server}, on a free loopback port.
 *
 * <pre>{@code
 * @ExtendWith(MotoServerExtension.class)
 * class FailoverScenarioTest {
 *     @Test
 *     void failover_whenPilotLight_startsFleet(MotoServer moto) { ... moto.endpoint() ... }
 * }
 * }</pre>
 *
 * <p>One server serves every test class of the JVM and is stopped when they are done; it is reset before
 * each test, so no test sees another's resources. A machine without {@code moto_server} fails the tests
 * with the install hint: the emulator tests are part of the suite, not optional.
 */
public final class MotoServerExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MotoServerExtension.class);
    private static final String KEY = "moto-server";

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server(context).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MotoServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    private static MotoServer server(ExtensionContext context) {
        // The root store closes AutoCloseable values once, after the last test class of the JVM.
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(KEY, key -> MotoServer.start(), MotoServer.class);
    }
}
