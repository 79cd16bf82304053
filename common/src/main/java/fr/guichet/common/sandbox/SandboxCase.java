package fr.guichet.common.sandbox;

import java.util.Map;

/**
 * One sandbox case in API Entreprise's format ({@code params}, {@code status}, {@code payload}):
 * the call parameters it answers, and its status and body verbatim.
 *
 * @param file the case's path below its root, {@code OPERATION/name.yaml}
 * @param operationId the operation it belongs to: the first folder of {@code file}
 */
public record SandboxCase(String file, String operationId, Map<String, String> params, int status, String payload) {
}
