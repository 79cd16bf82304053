package fr.guichet.trace.integrity.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.util.Arrays;

/**
 * Entry point: without arguments, the service; {@code verify [--from=...] [--to=...]} verifies the
 * trace log, prints the JSON report alone on stdout and exits with 0 (intact), 1 (anomalies) or
 * 2 (could not verify: bad arguments, database unreachable, seal key unreadable, start-up failure).
 * The command runs with the configuration profile {@code verify} added to the active one (see
 * application.properties): it needs only the database settings and serves nothing, so it can run
 * next to a live service.
 */
@QuarkusMain
public class TraceServiceMain implements QuarkusApplication {

    /** Configuration profile added for the {@code verify} command. */
    public static final String VERIFY_PROFILE = "verify";

    @Inject
    VerifyCommand verify;

    public static void main(String... args) {
        if (args.length > 0 && VerifyCommand.NAME.equals(args[0])) {
            String active = System.getProperty("quarkus.profile", System.getenv().getOrDefault("QUARKUS_PROFILE", "prod"));
            System.setProperty("quarkus.profile", active + "," + VERIFY_PROFILE);
            // whatever stops the start (bad configuration, unreadable key...) is "could not verify", not "anomalies"
            Quarkus.run(TraceServiceMain.class, (code, failure) -> {
                if (failure != null) {
                    System.err.println("verify: could not start: " + failure);
                    System.exit(VerifyCommand.COULD_NOT_VERIFY);
                }
                System.exit(code);
            }, args);
            return;
        }
        Quarkus.run(TraceServiceMain.class, args);
    }

    @Override
    public int run(String... args) {
        if (args.length > 0 && VerifyCommand.NAME.equals(args[0])) {
            return verify.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
        }
        Quarkus.waitForExit();
        return 0;
    }

}
