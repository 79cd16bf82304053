package fr.guichet.trace.integrity.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.guichet.common.error.ApiException;
import fr.guichet.trace.common.Periods;
import fr.guichet.trace.integrity.service.ChainVerifier;
import fr.guichet.trace.integrity.service.VerificationReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * {@code verify --from=2026-01-01 --to=2026-11-30}: the command-line face of the verification
 * (default period: the month before {@code --to}, itself defaulting to now). The JSON report is
 * the only thing written to {@code out}; messages go to {@code err}.
 */
@ApplicationScoped
public class VerifyCommand {

    /** The command's name, first argument of the jar. */
    public static final String NAME = "verify";
    public static final int INTACT = 0;
    public static final int ANOMALIES = 1;
    /** Bad arguments, database unreachable, seal key unreadable: nothing was verified. */
    public static final int COULD_NOT_VERIFY = 2;

    private final ChainVerifier verifier;
    private final ObjectMapper json;

    public VerifyCommand(ChainVerifier verifier, ObjectMapper json) {
        this.verifier = verifier;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** Runs the command; returns its exit code ({@link #INTACT}, {@link #ANOMALIES}, {@link #COULD_NOT_VERIFY}). */
    public int run(String[] args, PrintStream out, PrintStream err) {
        String from = null;
        String to = null;
        for (String arg : args) {
            if (arg.startsWith("--from=")) {
                from = arg.substring(7);
            } else if (arg.startsWith("--to=")) {
                to = arg.substring(5);
            } else {
                err.println("usage: verify [--from=AAAA-MM-JJ|instant] [--to=AAAA-MM-JJ|instant]");
                return COULD_NOT_VERIFY;
            }
        }
        VerificationReport report;
        try {
            Instant end = Periods.to(to, Instant.now());
            Instant start = Periods.from(from, end.atOffset(ZoneOffset.UTC).minusMonths(1).toInstant());
            Periods.checkOrder(start, end);
            report = verifier.verify(start, end);
        } catch (ApiException e) {
            err.println(e.errors().get(0).detail());
            return COULD_NOT_VERIFY;
        } catch (RuntimeException e) {
            err.println("vérification impossible : " + e.getMessage());
            return COULD_NOT_VERIFY;
        }
        try {
            out.println(json.writeValueAsString(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (!report.ok()) {
            err.println("journal des traces : " + report.problemCount() + " anomalie(s) ; première : " + report.firstProblem().detail());
        }
        return report.ok() ? INTACT : ANOMALIES;
    }
}
