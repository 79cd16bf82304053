package fr.guichet.trace.integrity.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;

/**
 * Entry point: without arguments, the service; {@code verify [--from=...] [--to=...]} verifies the
 * trace log with the service's configuration, prints the JSON report and exits with 0 (intact),
 * 1 (anomalies) or 2 (bad arguments). Run it next to a live service with {@code -Dquarkus.http.port=0}.
 */
@QuarkusMain
public class TraceServiceMain implements QuarkusApplication {

    @Inject
    VerifyCommand verify;

    public static void main(String... args) {
        Quarkus.run(TraceServiceMain.class, args);
    }

    @Override
    public int run(String... args) {
        if (args.length > 0 && "verify".equals(args[0])) {
            return verify.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
        }
        Quarkus.waitForExit();
        return 0;
    }

}
