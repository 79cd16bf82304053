package fr.guichet.token.habilitation;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

/** The three contacts of a habilitation: who asked, who runs it technically, who uses the data. */
@RegisterForReflection
public record Contacts(Contact demandeur, Contact technique, Contact metier) {

    /** Distinct e-mail addresses, in the order demandeur, technique, métier. */
    public Set<String> emails() {
        Set<String> emails = new LinkedHashSet<>();
        Stream.of(demandeur, technique, metier)
                .filter(c -> c != null && c.email() != null && !c.email().isBlank())
                .forEach(c -> emails.add(c.email().trim().toLowerCase()));
        return emails;
    }
}
