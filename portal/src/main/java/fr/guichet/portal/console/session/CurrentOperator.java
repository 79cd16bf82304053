package fr.guichet.portal.console.session;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The operator session of the current request, set by {@link ConsoleSessionFilter}. */
@RequestScoped
public class CurrentOperator {

    private OperatorSession session;

    void set(OperatorSession session) {
        this.session = session;
    }

    /** The signed-in operator, if any. */
    public Optional<OperatorSession> get() {
        return Optional.ofNullable(session);
    }

    /** The signed-in operator; only called on pages {@link ConsoleSessionFilter} guards. */
    public OperatorSession required() {
        if (session == null) {
            throw new IllegalStateException("No operator session on a guarded console page");
        }
        return session;
    }
}
