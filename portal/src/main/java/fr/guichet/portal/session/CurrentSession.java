package fr.guichet.portal.session;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The partner session of the current request, set by {@link SessionFilter}. */
@RequestScoped
public class CurrentSession {

    private PartnerSession session;

    void set(PartnerSession session) {
        this.session = session;
    }

    /** The signed-in person, if any. */
    public Optional<PartnerSession> get() {
        return Optional.ofNullable(session);
    }

    /** The signed-in person; only called on pages {@link SessionFilter} guards. */
    public PartnerSession required() {
        if (session == null) {
            throw new IllegalStateException("No partner session on a guarded page");
        }
        return session;
    }
}
