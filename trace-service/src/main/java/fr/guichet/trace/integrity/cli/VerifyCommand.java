package fr.guichet.trace.integrity.cli;

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

/** {@code verify --from=2026-01-01 --to=2026-11-30}: the command-line face of the verification. */
@ApplicationScoped
public class VerifyCommand {

    private final ChainVerifier verifier;
    private final ObjectMapper json;

    public VerifyCommand(ChainVerifier verifier, ObjectMapper json) {
        this.verifier = verifier;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

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
                return 2;
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
            return 2;
        }
        try {
            out.println(json.writeValueAsString(report));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (!report.ok()) {
            err.println("trace log: " + report.problemCount() + " anomalie(s); first: " + report.firstProblem().detail());
        }
        return report.ok() ? 0 : 1;
    }
}
