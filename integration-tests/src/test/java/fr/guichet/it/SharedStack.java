package fr.guichet.it;

import fr.guichet.testing.GuichetStack;
import fr.guichet.testing.Service;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;

/**
 * The sandbox stack that the integration test classes needing nothing special share: every
 * service of {@code services.yml} in its default mode, token-service and trace-service on their
 * own schema {@value #SCHEMA}, DGFIP without maintenance windows (so that no case meets one).
 *
 * <p>A stack takes about half a minute to start on two cores; started once for every class
 * marked {@link Uses} (which {@link SharedStackFirst} runs first), it stays up between them and
 * gives way by itself when a class starts a stack of its own ({@link GuichetStack#givingWay()}).
 * Classes sharing it must not depend on what the others did: each issues its own tokens and
 * habilitations, and counts only its own traces.
 */
public final class SharedStack {

    /** The PostgreSQL schema of token-service and trace-service in the integration databases. */
    public static final String SCHEMA = "shared_sandbox";
    /** Where the shared stack's services write their logs. */
    public static final Path LOGS = Path.of("target", "it-logs", "shared-sandbox").toAbsolutePath();

    private static GuichetStack stack;

    private SharedStack() {
    }

    /** Marks a test class that uses the shared stack, so that {@link SharedStackFirst} groups them. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Uses {
    }

    /** The shared stack, started on first use (or again, if a class's own stack made it give way). */
    public static synchronized GuichetStack get() {
        if (stack == null || !stack.running()) {
            stack = Schemas.ownSchemas(GuichetStack.builder().logDir(LOGS)
                    .property(Service.DGFIP, "guichet.provider.maintenance-windows", ""), SCHEMA)
                    .start()
                    .givingWay();
        }
        return stack;
    }
}
