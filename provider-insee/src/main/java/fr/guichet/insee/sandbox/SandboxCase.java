package fr.guichet.insee.sandbox;

import java.util.Map;

/** One sandbox fixture: the call parameters it answers, and its status and body, verbatim. */
public record SandboxCase(String file, Map<String, String> params, int status, String payload) {
}
