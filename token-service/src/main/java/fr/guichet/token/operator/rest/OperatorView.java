package fr.guichet.token.operator.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.guichet.token.operator.repository.Operator;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** An operator as the admin API shows it. */
@RegisterForReflection
public record OperatorView(String id, String email, String name, String role, boolean active,
                           @JsonProperty("created_at") String createdAt) {

    /** The view of {@code o}. */
    public static OperatorView of(Operator o) {
        return new OperatorView(o.id.toString(), o.email, o.name, o.role, o.active, o.createdAt.toString());
    }
}
