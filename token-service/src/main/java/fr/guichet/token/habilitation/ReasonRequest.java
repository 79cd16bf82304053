package fr.guichet.token.habilitation;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of admin actions: why the action is taken (kept in the audit and the admin trace). */
@RegisterForReflection
public record ReasonRequest(String reason) {

    public static String of(ReasonRequest body) {
        return body == null || body.reason() == null || body.reason().isBlank() ? null : body.reason().trim();
    }
}
