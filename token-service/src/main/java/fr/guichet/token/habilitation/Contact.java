package fr.guichet.token.habilitation;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One person to reach about a habilitation. Personal data: erased by the retention job. */
@RegisterForReflection
public record Contact(String email, String phone) {
}
