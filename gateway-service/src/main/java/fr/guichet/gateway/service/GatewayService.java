package fr.guichet.gateway.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.error.ApiException;
import fr.guichet.gateway.auth.CallerToken;
import fr.guichet.gateway.auth.ClientCertificates;
import fr.guichet.gateway.auth.IpAllowList;
import fr.guichet.gateway.catalogue.Route;
import fr.guichet.gateway.catalogue.RouteCatalogue;
import fr.guichet.gateway.catalogue.RouteMatch;
import fr.guichet.gateway.config.PlatformUrls;
import fr.guichet.gateway.metrics.GatewayMetrics;
import fr.guichet.gateway.provider.ProviderClients;
import fr.guichet.gateway.provider.ProviderResponse;
import fr.guichet.gateway.quota.GuardDecision;
import fr.guichet.gateway.quota.RedisGuard;
import fr.guichet.gateway.trace.JournalUnavailableException;
import fr.guichet.gateway.trace.TraceRecorder;
import fr.guichet.gateway.trace.UntraceableCallException;
import fr.guichet.gateway.validation.QueryParameters;
import fr.guichet.gateway.validation.ParameterValidator;
import fr.guichet.gateway.validation.ParticulierParameters;
import fr.guichet.gateway.franceconnect.FranceConnectCaller;
import fr.guichet.gateway.particulier.ScopeMask;
import fr.guichet.gateway.period.PeriodGuard;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.LinkedHashMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * One data call, end to end: admission (the one query parsing, token, per-address limit of
 * unauthenticated calls), route, scope, parameters, incident switches, the trace check, the single
 * Redis round trip (revocation, end, quotas, duplicate guard), IP allow-list, provider call, then
 * the trace in the journal before anything leaves. No trace, no data.
 *
 * <p>API Particulier routes differ in four ways: the token must be a Particulier one (and an
 * Entreprise token an Entreprise one: 403 {@code 00100}); their parameters are checked by
 * {@link ParticulierParameters} and only the declared ones are forwarded; on a FranceConnect route
 * the end user's FranceConnect token is admitted instead of a Guichet token, its identity is
 * forwarded as the civility parameters and its {@code quotaSubject} counts the group quota; the
 * answer is masked to the caller's scopes ({@link ScopeMask}) and never cached ({@code Cache-Control: no-store}).
 *
 * <p>Operations with a period are held to the periods the habilitation opens ({@link PeriodGuard}).
 */
@ApplicationScoped
public class GatewayService {

    private static final Logger LOG = Logger.getLogger(GatewayService.class);
    private static final Pattern VERSIONED = Pattern.compile("^/(v\\d+)(/.*)?$");

    private final RouteCatalogue catalogue;
    private final CallAdmission admission;
    private final ParameterValidator validator;
    private final RedisGuard guard;
    private final ProviderClients providers;
    private final TraceRecorder traces;
    private final GatewayMetrics metrics;
    private final Incidents incidents;
    private final ObjectMapper mapper;
    private final ClientCertificates certificates;
    private final PublicLinks links;
    private final PlatformUrls urls;
    private final ParticulierParameters particulier;
    private final ScopeMask masks;
    @Inject
    SecurityProofCheck securityProof;

    @Inject
    PeriodGuard periodGuard;

    public GatewayService(RouteCatalogue catalogue, CallAdmission admission, ParameterValidator validator,
                          RedisGuard guard, ProviderClients providers, TraceRecorder traces, GatewayMetrics metrics,
                          Incidents incidents, ObjectMapper mapper, ClientCertificates certificates, PublicLinks links,
                          PlatformUrls urls, ParticulierParameters particulier) {
        this.particulier = particulier;
        this.masks = new ScopeMask(mapper);
        this.links = links;
        this.urls = urls;
        this.catalogue = catalogue;
        this.admission = admission;
        this.validator = validator;
        this.guard = guard;
        this.providers = providers;
        this.traces = traces;
        this.metrics = metrics;
        this.incidents = incidents;
        this.mapper = mapper;
        this.certificates = certificates;
    }

    /**
     * Loads at start what the first calls would otherwise load on an event loop: the error
     * catalogue (a YAML file read by {@link Errors}' static initialiser) and the serialiser of
     * trace events. Seconds on a loaded machine, which the event loop must never spend.
     */
    void warmUp(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event) {
        Errors.unknownRoute();
        traces.warmUp();
    }

    /** State gathered while handling a call, for the response headers and the trace. */
    private static final class Progress {
        Route route;
        Map<String, String> variables;
        QueryParameters query;
        CallerToken token;
        GuardDecision decision;
        long retryAfterSeconds;
    }

    /**
     * Answers one data call without parking a thread: every partner call (Redis guard, provider,
     * journal group commit) is a future, resumed on the calling Vert.x context; steps blocking by
     * nature (a FranceConnect check, a JWKS fetch, a token state missing from Redis) run on worker
     * threads. Every answer, data or refusal, is traced before it leaves (else 503 {@code 00500}).
     */
    public Uni<Response> handle(IncomingCall call) {
        long start = System.nanoTime();
        Executor back = callerContext();
        Progress progress = new Progress();
        // The route, looked up once: only a FranceConnect route takes an end user's FranceConnect token.
        Optional<RouteMatch> matched = catalogue.match(call.path());
        boolean franceConnect = matched.map(m -> m.route().franceConnect()).orElse(false);
        return admission.admitAsync(call, franceConnect).emitOn(back)
                .onItem().transformToUni(admitted -> {
                    progress.query = admitted.query();
                    progress.token = admitted.token();
                    progress.retryAfterSeconds = admitted.retryAfterSeconds();
                    return serve(call, matched, admitted, progress).emitOn(back);
                })
                .onItem().transform(answer -> answered(call, answer, progress))
                .onFailure(ApiException.class).recoverWithItem(e -> refused(call, (ApiException) e, progress))
                .onTermination().invoke(() -> {
                    if (progress.decision != null) {
                        guard.release(progress.decision.guardKey());
                    }
                })
                .onItem().transformToUni(answered -> traced(call, progress, answered, System.nanoTime() - start, back));
    }

    /** A response and the error code it carries (null for data), before its trace. */
    private record Answered(Response response, String errorCode) {
    }

    private Answered answered(IncomingCall call, ProviderResponse answer, Progress progress) {
        byte[] body = answer.status() < 400 ? links.rewrite(answer.body(), answer.contentType()) : answer.body();
        if (progress.route.particulier() && answer.status() < 300) {
            body = masked(body, progress);
        }
        Response.ResponseBuilder ok = Response.status(answer.status()).entity(body).type(answer.contentType());
        if (answer.cache() != null) {
            ok.header("X-Guichet-Cache", answer.cache());
        }
        String errorCode = answer.status() >= 400 ? firstErrorCode(answer.body()) : null;
        return new Answered(withHeaders(ok, progress, call).build(), errorCode);
    }

    private Answered refused(IncomingCall call, ApiException e, Progress progress) {
        String errorCode = e.errors().isEmpty() ? null : e.errors().get(0).code();
        return new Answered(withHeaders(errorResponse(e), progress, call).build(), errorCode);
    }

    /** No trace, no data: the answer leaves once its event is committed to the journal, else 503. */
    private Uni<Response> traced(IncomingCall call, Progress progress, Answered answered, long latency, Executor back) {
        Route route = progress.route;
        Response response = answered.response();
        CompletionStage<?> committed;
        try {
            try {
                committed = traces.recordAsync(traceCall(call, progress, response.getStatus(), answered.errorCode(), latency));
            } catch (UntraceableCallException e) {
                // Safety net behind checkTraceable: the data never leaves, the refusal is traced.
                LOG.warnf("Call %s not traceable (%s): refused without data", call.requestId(), e.getMessage());
                ApiException refusal = Errors.untraceable(e.violations().get(0).detail());
                response = withHeaders(errorResponse(refusal), progress, call).build();
                committed = traces.recordAsync(traceCall(call, progress, refusal.status(), refusal.errors().get(0).code(), latency));
            }
        } catch (JournalUnavailableException e) {
            committed = CompletableFuture.failedFuture(e);
        }
        Response traced = response;
        return Uni.createFrom().completionStage(committed).emitOn(back)
                .onItem().transform(event -> traced)
                .onFailure().recoverWithItem(e -> {
                    LOG.errorf("Call %s not traced (%s): answering 503 without data", call.requestId(), e.getMessage());
                    metrics.traceRefused();
                    return withHeaders(errorResponse(Errors.traceUnavailable()), progress, call).build();
                })
                .onItem().invoke(r -> metrics.response(route == null ? null : route.operationId(),
                        route == null ? null : route.provider(), r.getStatus(), latency));
    }

    /**
     * Where the call's continuations run: its own Vert.x context (the event loop that received
     * it, with its MDC), not the thread that completed a future (the journal writer, a Redis or
     * provider connection's loop, a worker).
     */
    private static Executor callerContext() {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Runnable::run;
        }
        return task -> {
            if (Vertx.currentContext() == context) {
                task.run();
            } else {
                context.runOnContext(v -> task.run());
            }
        };
    }

    private TraceRecorder.Call traceCall(IncomingCall call, Progress progress, int status, String errorCode, long latencyNanos) {
        Route route = progress.route;
        CallerToken token = progress.token;
        var state = progress.decision == null ? null : progress.decision.state();
        // A Particulier route's parameters name a person whatever the token, and so may those of a
        // data path no route serves: hashed in the trace.
        boolean personal = route == null || route.particulier();
        return new TraceRecorder.Call(call.requestId(), token == null ? null : token.jti(),
                token == null ? null : token.habilitationId(),
                state != null && state.siret() != null ? state.siret() : token == null ? null : token.siret(),
                token == null ? null : token.apiKind(), call.method(),
                route == null ? null : route.operationId(), call.path(), progress.variables,
                progress.query == null ? null : progress.query.values(),
                call.clientIp(), call.userAgent(), status, errorCode,
                route == null ? null : route.provider(), latencyNanos / 1_000_000, personal);
    }

    /** The answer reduced to the caller's scopes; a body that cannot be masked is not sent (502 xx999). */
    private byte[] masked(byte[] body, Progress progress) {
        try {
            return masks.apply(body, progress.route.masks(), progress.token.scopes());
        } catch (IOException e) {
            LOG.warnf("Call to %s: answer not maskable, refused", progress.route.operationId());
            throw new fr.guichet.common.error.ApiException(502, fr.guichet.common.error.ErrorCatalogue.standard()
                    .providerError(progress.route.errorPrefix(), "999"));
        }
    }

    /** The call up to the provider's answer; a refusal is a failed Uni carrying its {@link ApiException}. */
    private Uni<ProviderResponse> serve(IncomingCall call, Optional<RouteMatch> matched, CallAdmission.Admitted admitted,
                                        Progress progress) {
        Admission checked;
        try {
            checked = beforeGuard(call, matched, admitted, progress);
        } catch (ApiException e) {
            return Uni.createFrom().failure(e);
        }
        return guard.checkAsync(checked.token(), checked.route(), checked.digest(), checked.groupSubject())
                .emitOn(callerContext())
                .onItem().transformToUni(decision -> {
                    progress.decision = decision;
                    PeriodGuard.Restriction restriction = afterGuard(call, checked, decision, progress);
                    return providers.call(checked.route(), forwardedPath(call.path(), checked.query()), call.requestId(),
                                    call.cacheControl())
                            .onItem().transform(answer -> periodGuard.checkAnswer(restriction, checked.route().identifier(), answer));
                });
    }

    /** What the checks before the Redis guard established. */
    private record Admission(Route route, RouteMatch match, QueryParameters query, CallerToken token, String digest,
                             String groupSubject) {
    }

    /** Route, token, scopes, certificate, parameters, incidents, traceability: CPU only, before any quota is spent. */
    private Admission beforeGuard(IncomingCall call, Optional<RouteMatch> matched, CallAdmission.Admitted admitted,
                                  Progress progress) {
        admitted.throwIfLimited();
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
        RouteMatch match = matched.orElseThrow(Errors::unknownRoute);
        Route route = match.route();
        progress.route = route;
        progress.variables = match.variables();

        QueryParameters query = admitted.queryOrThrow();
        CallerToken token = admitted.tokenOrThrow();
        if (!route.api().equals(token.apiKind())) {
            throw Errors.otherApi(urls, route.api());
        }
        if (!route.opensWith(token.scopes(), match.variables())) {
            throw Errors.missingScope(urls, route.requiredScopes(match.variables()));
        }
        if (route.clientCertificate()) {
            certificates.check(call.clientCertificate(), call.forwardedCertificate(), call.peerAddress(), token.siret());
        }
        FranceConnectCaller franceConnect = admitted.franceConnect();
        if (route.particulier()) {
            particulier.validate(route, query.values());
            query = forwarded(route, query, franceConnect);
            progress.query = query; // traced as forwarded (identity included), hashed
        } else {
            validator.validate(route, match.variables(), query.values());
        }
        OptionalLong cut = incidents.retryIn(route.provider());
        if (cut.isPresent()) {
            progress.retryAfterSeconds = cut.getAsLong(); // Retry-After says what meta.retry_in says
            throw Errors.maintenance(route.errorPrefix(), cut.getAsLong());
        }
        // No trace, no data: refused here, before any quota is spent, if trace-service would refuse the event.
        traces.checkTraceable(traceCall(call, progress, 200, null, 0));

        String groupSubject = franceConnect == null ? null : franceConnect.quotaSubject();
        return new Admission(route, match, query, token,
                guardDigest(groupSubject == null ? token.jti() : groupSubject, route, call.path(), query), groupSubject);
    }

    /** The guard's decision, then IP allow-list, security proof and the period asked for; the period rule of the answer. */
    private PeriodGuard.Restriction afterGuard(IncomingCall call, Admission checked, GuardDecision decision, Progress progress) {
        Route route = checked.route();
        CallerToken token = checked.token();
        switch (decision.outcome()) {
            case REVOKED -> throw Errors.revokedToken(urls);
            case EXPIRED -> throw Errors.expiredToken(urls);
            case UNKNOWN_TOKEN -> throw Errors.unknownToken(urls);
            case LIMITED -> {
                metrics.rateLimited(route.operationId(), decision.degraded());
                throw Errors.tooManyRequests(retryAfterSeconds(decision));
            }
            case DUPLICATE -> throw Errors.duplicate();
            case OK -> {
            }
        }
        if (decision.state() == null) {
            throw Errors.tokenStateUnknown();
        }
        if (!IpAllowList.allows(decision.state().allowedIps(), call.clientIp())) {
            throw Errors.ipNotAllowed();
        }
        securityProof.check(route, decision.state());
        // Period rights (ENSU terms, 4): a period asked for in the call is checked before the provider
        // is asked; one found in the answer (documents) is checked, or filtered, on the answer.
        PeriodGuard.Restriction restriction = periodGuard.restriction(route, checked.match().variables(), token.scopes(),
                decision.state().periods());
        periodGuard.checkCall(restriction, checked.match().variables(), checked.query().values());
        return restriction;
    }

    /**
     * An API Particulier call's forwarded parameters: those its OpenAPI declares, in the order
     * received (the reference ignores the others), preceded on a FranceConnect route by the end
     * user's identity, which no partner-sent parameter can override.
     */
    static QueryParameters forwarded(Route route, QueryParameters query, FranceConnectCaller franceConnect) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (franceConnect != null) {
            values.putAll(franceConnect.identity());
        }
        query.values().forEach((name, v) -> {
            if (route.parameter(name).isPresent() && !values.containsKey(name)) {
                values.put(name, v);
            }
        });
        return QueryParameters.of(values);
    }

    /** The path as received and the parsed query re-encoded, without the token providers must never see. */
    static String forwardedPath(String path, QueryParameters query) {
        String forwarded = query.forwardable();
        return forwarded.isEmpty() ? path : path + "?" + forwarded;
    }

    /** Identical call = same caller (token, or FranceConnect end user), operation, path and parameters (order-insensitive). */
    private static String guardDigest(String caller, Route route, String path, QueryParameters query) {
        Map<String, List<String>> sorted = new TreeMap<>(query.values());
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((caller + "\n" + route.operationId() + "\n" + path + "\n" + sorted)
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
        if (progress.route != null && progress.route.particulier()) {
            // Personal data: neither the partner's caches nor any proxy keep a Particulier answer.
            builder.header("Cache-Control", "no-store");
        }
        GuardDecision d = progress.decision;
        if (d != null && d.limit() > 0) {
            builder.header("RateLimit-Limit", d.limit());
            builder.header("RateLimit-Remaining", Math.max(0, d.remaining()));
            builder.header("RateLimit-Reset", (d.resetEpochMs() + 999) / 1000);
            if (d.outcome() == GuardDecision.Outcome.LIMITED) {
                builder.header("Retry-After", retryAfterSeconds(d));
            }
        } else if (progress.retryAfterSeconds > 0) {
            builder.header("Retry-After", progress.retryAfterSeconds);
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
