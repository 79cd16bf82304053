package fr.guichet.registers.support;

import java.util.Map;

/** What every test call carries, as the gateway forwards it. */
public final class Calls {

    /** API Entreprise's mandatory tracing parameters (DINUM as recipient). */
    public static final Map<String, String> MANDATORY_PARAMS = Map.of(
            "context", "Test de l'API", "object", "Test de l'API", "recipient", "13002526500013");

    private Calls() {
    }
}
