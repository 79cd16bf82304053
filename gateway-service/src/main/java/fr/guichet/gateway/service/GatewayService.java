package fr.guichet.gateway.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.error.ApiException;
import fr.guichet.gateway.auth.CallerToken;
import fr.guichet.gateway.auth.ClientCertificates;
import fr.guichet.gateway.auth.IpAllowList;
import fr.guichet.gateway.auth.TokenVerifier;
import fr.guichet.gateway.catalogue.Route;
import fr.guichet.gateway.catalogue.RouteCatalogue;
import fr.guichet.gateway.catalogue.RouteMatch;
import fr.guichet.gateway.metrics.GatewayMetrics;
import fr.guichet.gateway.provider.ProviderClients;
import fr.guichet.gateway.provider.ProviderResponse;
import fr.guichet.gateway.quota.GuardDecision;
import fr.guichet.gateway.quota.RedisGuard;
import fr.guichet.gateway.trace.JournalUnavailableException;
import fr.guichet.gateway.trace.TraceRecorder;
import fr.guichet.gateway.validation.ParameterValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * One data call, end to end: route, token, scope, parameters, incident switches, the single
 * Redis round trip (revocation, quotas, duplicate guard), IP allow-list, provider call, then
 * the trace in the journal before anything leaves. No trace, no data.
 */
@ApplicationScoped
public class GatewayService {

    private static final Logger LOG = Logger.getLogger(GatewayService.class);
    private static final Pattern VERSIONED = Pattern.compile("^/(v\\d+)(/.*)?$");

    private final RouteCatalogue catalogue;
    private final TokenVerifier verifier;
    private final ParameterValidator validator;
    private final RedisGuard guard;
    private final ProviderClients providers;
    private final TraceRecorder traces;
    private final GatewayMetrics metrics;
    private final Incidents incidents;
    private final ObjectMapper mapper;
    private final ClientCertificates certificates;

    public GatewayService(RouteCatalogue catalogue, TokenVerifier verifier, ParameterValidator validator,
                          RedisGuard guard, ProviderClients providers, TraceRecorder traces, GatewayMetrics metrics,
                          Incidents incidents, ObjectMapper mapper, ClientCertificates certificates) {
        this.catalogue = catalogue;
        this.verifier = verifier;
        this.validator = validator;
        this.guard = guard;
        this.providers = providers;
        this.traces = traces;
        this.metrics = metrics;
        this.incidents = incidents;
        this.mapper = mapper;
        this.certificates = certificates;
    }

    /** State gathered while handling a call, for the response headers and the trace. */
    private static final class Progress {
        Route route;
        Map<String, String> variables;
        CallerToken token;
        GuardDecision decision;
    }

    public Response handle(IncomingCall call) {
        long start = System.nanoTime();
        Progress progress = new Progress();
        Response response;
        String errorCode = null;
        try {
            ProviderResponse answer = serve(call, progress);
            Response.ResponseBuilder ok = Response.status(answer.status()).entity(answer.body())
                    .type(answer.contentType());
            if (answer.cache() != null) {
                ok.header("X-Guichet-Cache", answer.cache());
            }
            if (answer.status() >= 400) {
                errorCode = firstErrorCode(answer.body());
            }
            response = withHeaders(ok, progress, call).build();
        } catch (ApiException e) {
            errorCode = e.errors().isEmpty() ? null : e.errors().get(0).code();
            response = withHeaders(errorResponse(e), progress, call).build();
        } finally {
            if (progress.decision != null) {
                guard.release(progress.decision.guardKey());
            }
        }
        long latency = System.nanoTime() - start;
        Route route = progress.route;
        CallerToken token = progress.token;
        var state = progress.decision == null ? null : progress.decision.state();
        try {
            traces.record(new TraceRecorder.Call(call.requestId(), token == null ? null : token.jti(),
                    token == null ? null : token.habilitationId(),
                    state != null && state.siret() != null ? state.siret() : token == null ? null : token.siret(),
                    token == null ? null : token.apiKind(), call.method(),
                    route == null ? null : route.operationId(), call.path(), progress.variables, call.query(),
                    call.clientIp(), call.userAgent(), response.getStatus(), errorCode,
                    route == null ? null : route.provider(), latency / 1_000_000));
        } catch (JournalUnavailableException e) {
            LOG.errorf("Call %s not traced (%s): answering 503 without data", call.requestId(), e.getMessage());
            metrics.traceRefused();
            response = withHeaders(errorResponse(Errors.traceUnavailable()), progress, call).build();
        }
        metrics.response(route == null ? null : route.operationId(), route == null ? null : route.provider(),
                response.getStatus(), latency);
        return response;
    }

    private ProviderResponse serve(IncomingCall call, Progress progress) {
        var versioned = VERSIONED.matcher(call.path());
        if (!versioned.matches()) {
            throw Errors.unknownRoute();
        }
        if (!RouteCatalogue.VERSIONS.contains(versioned.group(1))) {
            throw Errors.unsupportedVersion();
        }
        if (catalogue.isRemoved(call.path())) {
            throw Errors.removedRoute();
        }
        RouteMatch match = catalogue.match(call.path()).orElseThrow(Errors::unknownRoute);
        Route route = match.route();
        progress.route = route;
        progress.variables = match.variables();

        CallerToken token = verifier.verify(credential(call));
        progress.token = token;
        if (token.scopes().stream().noneMatch(route.requiredScopes(match.variables())::contains)) {
            throw Errors.missingScope();
        }
        if (route.clientCertificate()) {
            certificates.check(call.clientCertificate(), call.forwardedCertificate(), token.siret());
        }
        validator.validate(route, match.variables(), call.query());
        incidents.check(route);

        GuardDecision decision = guard.check(token, route, guardDigest(token, route, call));
        progress.decision = decision;
        switch (decision.outcome()) {
            case REVOKED -> throw Errors.revokedToken();
            case UNKNOWN_TOKEN -> throw Errors.unknownToken();
            case LIMITED -> {
                metrics.rateLimited(route.operationId(), decision.degraded());
                throw Errors.tooManyRequests(retryAfterSeconds(decision));
            }
            case DUPLICATE -> throw Errors.duplicate();
            case OK -> {
            }
        }
        if (decision.state() != null && !IpAllowList.allows(decision.state().allowedIps(), call.clientIp())) {
            throw Errors.ipNotAllowed();
        }
        return providers.call(route, forwardedPath(call), call.requestId(), call.cacheControl());
    }

    /** Bearer header, then X-Api-Key, then {@code ?token=} (API Entreprise accepts all three). */
    public static String credential(IncomingCall call) {
        String auth = call.authorization();
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).trim();
        }
        if (call.apiKey() != null && !call.apiKey().isBlank()) {
            return call.apiKey().trim();
        }
        List<String> token = call.query().get("token");
        return token == null || token.isEmpty() ? null : token.get(0);
    }

    /** Path and query as received, minus a {@code token} parameter that providers must never see. */
    static String forwardedPath(IncomingCall call) {
        String query = call.rawQuery();
        if (query == null || query.isEmpty()) {
            return call.path();
        }
        StringBuilder kept = new StringBuilder();
        for (String part : query.split("&")) {
            if (part.equals("token") || part.startsWith("token=")) {
                continue;
            }
            if (!kept.isEmpty()) {
                kept.append('&');
            }
            kept.append(part);
        }
        return kept.isEmpty() ? call.path() : call.path() + "?" + kept;
    }

    /** Identical call = same token, operation, path and parameters (order-insensitive). */
    private static String guardDigest(CallerToken token, Route route, IncomingCall call) {
        Map<String, List<String>> sorted = new TreeMap<>(call.query());
        sorted.remove("token");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((token.jti() + "\n" + route.operationId() + "\n" + call.path() + "\n" + sorted)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long retryAfterSeconds(GuardDecision d) {
        return Math.max(1, (d.retryAfterMs() + 999) / 1000);
    }

    private Response.ResponseBuilder withHeaders(Response.ResponseBuilder builder, Progress progress, IncomingCall call) {
        builder.header("X-Request-ID", call.requestId());
        GuardDecision d = progress.decision;
        if (d != null && d.limit() > 0) {
            builder.header("RateLimit-Limit", d.limit());
            builder.header("RateLimit-Remaining", Math.max(0, d.remaining()));
            builder.header("RateLimit-Reset", (d.resetEpochMs() + 999) / 1000);
            if (d.outcome() == GuardDecision.Outcome.LIMITED) {
                builder.header("Retry-After", retryAfterSeconds(d));
            }
        } else if (progress.route != null) {
            // Refused before the guard: the quota was neither read nor consumed, so only the route's
            // policy is known. Claiming a remaining count or a reset time would be a guess.
            builder.header("RateLimit-Limit", progress.route.throttle().limit());
        }
        return builder;
    }

    public static Response.ResponseBuilder errorResponse(ApiException e) {
        return Response.status(e.status()).entity(e.body()).type("application/json");
    }

    private String firstErrorCode(byte[] body) {
        try {
            return Optional.ofNullable(mapper.readTree(body).path("errors").path(0).path("code").asText(null)).orElse(null);
        } catch (Exception e) {
            return null;
        }
    }
}
