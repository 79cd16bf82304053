package fr.guichet.common.trace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One trace event: one gateway response, or one admin action. Never a response body.
 * Field names are the wire names shared by gateway-service, token-service and trace-service.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TraceEvent(
        UUID id,
        Instant timestamp,
        Kind kind,
        @JsonProperty("request_id") String requestId,
        @JsonProperty("token_jti") String tokenJti,
        @JsonProperty("habilitation_id") String habilitationId,
        @JsonProperty("partner_siret") String partnerSiret,
        @JsonProperty("api_kind") String apiKind,
        String method,
        @JsonProperty("operation_id") String operationId,
        String path,
        Map<String, String> parameters,
        @JsonProperty("client_ip") String clientIp,
        @JsonProperty("user_agent") String userAgent,
        int status,
        @JsonProperty("error_code") String errorCode,
        String provider,
        @JsonProperty("latency_ms") Long latencyMs,
        String actor,
        String action,
        String reason) {

    public enum Kind {
        @JsonProperty("api_call") API_CALL,
        @JsonProperty("admin_action") ADMIN_ACTION
    }
}
