package fr.guichet.gateway.trace;

import fr.guichet.common.trace.TraceEventValidator;
import java.util.List;

/** The event of a call that would answer data breaks a trace rule: the call must be refused. */
public class UntraceableCallException extends RuntimeException {

    private final transient List<TraceEventValidator.Violation> violations;

    public UntraceableCallException(List<TraceEventValidator.Violation> violations) {
        super(violations.isEmpty() ? "untraceable" : violations.get(0).field() + ": " + violations.get(0).detail(),
                null, false, false);
        this.violations = List.copyOf(violations);
    }

    /** The broken rules. */
    public List<TraceEventValidator.Violation> violations() {
        return violations;
    }
}
