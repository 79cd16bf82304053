package fr.guichet.gateway.rest;

import fr.guichet.common.provider.DocumentKeys;
import fr.guichet.common.error.ApiException;
import fr.guichet.gateway.auth.CallerToken;
import fr.guichet.gateway.auth.IpAllowList;
import fr.guichet.gateway.config.PlatformUrls;
import fr.guichet.gateway.franceconnect.PlatformEncryptionKey;
import fr.guichet.gateway.quota.RedisGuard;
import fr.guichet.gateway.quota.TokenState;
import fr.guichet.gateway.service.CallAdmission;
import fr.guichet.gateway.trace.UntraceableCallException;
import fr.guichet.gateway.metrics.GatewayMetrics;
import fr.guichet.gateway.quota.RevokedTokens;
import fr.guichet.gateway.service.DocumentType;
import fr.guichet.gateway.service.Errors;
import fr.guichet.gateway.service.GatewayService;
import fr.guichet.gateway.service.IncomingCall;
import fr.guichet.gateway.service.OpenApiDocument;
import fr.guichet.gateway.service.PingService;
import fr.guichet.gateway.trace.JournalUnavailableException;
import fr.guichet.gateway.trace.TraceRecorder;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.core.http.HttpServerRequest;
import fr.guichet.gateway.catalogue.Route;
import fr.guichet.gateway.catalogue.RouteCatalogue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Platform routes: privileges (a token's scopes; for an API Particulier token also the operations
 * it opens), provider status, document downloads, the API description.
 */
@Path("/")
public class PlatformResource {

    private static final Logger LOG = Logger.getLogger(PlatformResource.class);
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    public static final String PRIVILEGES = "api_entreprise_privileges";
    public static final String PROXIED_FILES = "api_entreprise_proxied_files";

    private final CallAdmission admission;
    private final RedisGuard guard;
    private final RevokedTokens revoked;
    private final PingService pings;
    private final RedisDataSource redis;
    private final TraceRecorder traces;
    private final GatewayMetrics metrics;
    private final OpenApiDocument openApi;
    private final PlatformUrls urls;
    private final RouteCatalogue catalogue;

    public PlatformResource(CallAdmission admission, RedisGuard guard, RevokedTokens revoked, PingService pings,
                            RedisDataSource redis, TraceRecorder traces, GatewayMetrics metrics, OpenApiDocument openApi,
                            PlatformUrls urls, RouteCatalogue catalogue) {
        this.catalogue = catalogue;
        this.admission = admission;
        this.guard = guard;
        this.revoked = revoked;
        this.pings = pings;
        this.redis = redis;
        this.traces = traces;
        this.metrics = metrics;
        this.openApi = openApi;
        this.urls = urls;
    }

    @GET
    @Path("privileges")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response privileges(@Context HttpServerRequest request) {
        return traced(request, PRIVILEGES, (call, admitted) -> {
            admitted.queryOrThrow();
            CallerToken token = admitted.tokenOrThrow();
            if (revoked.isRevoked(token.jti())) {
                throw Errors.revokedToken(urls);
            }
            // The same state checks as a data route: status, real end, IP allow-list.
            TokenState state = guard.state(token).orElseThrow(() -> Errors.unknownToken(urls));
            if (state.revoked()) {
                revoked.add(token.jti(), state.exp());
                throw Errors.revokedToken(urls);
            }
            if (state.expired(System.currentTimeMillis())) {
                throw Errors.expiredToken(urls);
            }
            if (!IpAllowList.allows(state.allowedIps(), call.clientIp())) {
                throw Errors.ipNotAllowed();
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("privileges", new TreeSet<>(token.scopes()));
            if (!"entreprise".equals(token.apiKind())) {
                // API Particulier: the operations the token opens (API Entreprise's answer is kept as is).
                data.put("operations", catalogue.routes().stream()
                        .filter(r -> r.api().equals(token.apiKind()) && r.opensWith(token.scopes(), Map.of()))
                        .map(Route::operationId).sorted().toList());
            }
            Map<String, Object> body = Map.of("data", data, "links", Map.of(), "meta", Map.of());
            return new Traced(Response.ok(body, MediaType.APPLICATION_JSON_TYPE), token);
        });
    }

    @GET
    @Path("pings")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response allPings() {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean allUp = true;
        for (String provider : pings.providers()) {
            PingService.Ping p = pings.ping(provider);
            allUp &= p.httpStatus() == 200;
            body.put(provider, view(p));
        }
        return Response.status(allUp ? 200 : 502).entity(body).build();
    }

    @GET
    @Path("ping/{provider}{rest: (/.*)?}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response ping(@PathParam("provider") String provider) {
        String name = pings.resolve(provider).orElseThrow(Errors::unknownRoute);
        PingService.Ping p = pings.ping(name);
        return Response.status(p.httpStatus()).entity(view(p)).build();
    }

    @GET
    @Path("proxy/files/{uuid}")
    @Operation(hidden = true)
    public Response file(@PathParam("uuid") String uuid, @Context HttpServerRequest request) {
        return traced(request, PROXIED_FILES, (call, admitted) -> {
            if (!UUID.matcher(uuid).matches()) {
                throw Errors.fileExpired();
            }
            byte[] document = redis.value(String.class, byte[].class).get(DocumentKeys.key(uuid));
            if (document == null) {
                throw Errors.fileExpired();
            }
            DocumentType type = DocumentType.of(document);
            return new Traced(Response.ok(document, type.mediaType())
                    .header("Content-Disposition", "attachment; filename=\"" + uuid + "." + type.extension() + "\"")
                    .header("Cache-Control", "no-store"), null);
        });
    }

    @jakarta.inject.Inject
    PlatformEncryptionKey franceConnectKey;

    /**
     * The platform's public encryption key (JWK set, {@code use} enc, RSA-OAEP) that FranceConnect
     * encrypts its check-token answers to; FranceConnect reads it from this URL.
     */
    @GET
    @Path(".well-known/franceconnect/jwks.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Map<String, Object> franceConnectJwks() {
        return franceConnectKey.publicJwks();
    }

    @GET
    @Path("openapi")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public String openapiJson() {
        return openApi.json();
    }

    @GET
    @Path("openapi.yaml")
    @Produces("application/yaml")
    @Operation(hidden = true)
    public String openapiYaml() {
        return openApi.yaml();
    }

    private record Traced(Response.ResponseBuilder response, CallerToken token) {
    }

    /**
     * Runs a platform call and traces its answer; no trace, no data. The call is admitted like a
     * data call ({@link CallAdmission}: one query parsing, the per-address limit of calls
     * without a valid token).
     */
    private Response traced(HttpServerRequest request, String operation,
                            BiFunction<IncomingCall, CallAdmission.Admitted, Traced> body) {
        long start = System.nanoTime();
        String requestId = RequestIds.resolve(request.getHeader("X-Request-ID"));
        MDC.put("request_id", requestId);
        try {
            IncomingCall call = new IncomingCall("GET", request.path(), request.query(),
                    request.getHeader("Authorization"), request.getHeader("X-Api-Key"), requestId,
                    ClientAddress.of(request), request.getHeader("User-Agent"));
            CallAdmission.Admitted admitted = admission.admit(call);
            Response response;
            CallerToken token = admitted.token();
            String errorCode = null;
            try {
                admitted.throwIfLimited();
                Traced t = body.apply(call, admitted);
                token = t.token() != null ? t.token() : token;
                response = t.response().header("X-Request-ID", requestId).build();
            } catch (ApiException e) {
                errorCode = e.errors().get(0).code();
                Response.ResponseBuilder refused = GatewayService.errorResponse(e).header("X-Request-ID", requestId);
                if (admitted.retryAfterSeconds() > 0) {
                    refused.header("Retry-After", admitted.retryAfterSeconds());
                }
                response = refused.build();
            }
            long latency = System.nanoTime() - start;
            try {
                traces.record(new TraceRecorder.Call(requestId, token == null ? null : token.jti(),
                        token == null ? null : token.habilitationId(), token == null ? null : token.siret(),
                        token == null ? null : token.apiKind(), "GET", operation, call.path(), Map.of(),
                        admitted.query() == null ? null : admitted.query().values(),
                        call.clientIp(), call.userAgent(), response.getStatus(), errorCode, null, latency / 1_000_000));
            } catch (UntraceableCallException e) {
                LOG.warnf("Call %s not traceable (%s): refused without data", requestId, e.getMessage());
                ApiException refusal = Errors.untraceable(e.violations().get(0).detail());
                response = GatewayService.errorResponse(refusal).header("X-Request-ID", requestId).build();
                traces.record(new TraceRecorder.Call(requestId, token == null ? null : token.jti(),
                        token == null ? null : token.habilitationId(), token == null ? null : token.siret(),
                        token == null ? null : token.apiKind(), "GET", operation, call.path(), Map.of(), null,
                        call.clientIp(), call.userAgent(), refusal.status(), refusal.errors().get(0).code(), null,
                        latency / 1_000_000));
            } catch (JournalUnavailableException e) {
                LOG.errorf("Call %s not traced (%s): answering 503", requestId, e.getMessage());
                metrics.traceRefused();
                response = GatewayService.errorResponse(Errors.traceUnavailable()).header("X-Request-ID", requestId).build();
            }
            metrics.response(operation, null, response.getStatus(), latency);
            return response;
        } finally {
            MDC.remove("request_id");
        }
    }

    private static Map<String, Object> view(PingService.Ping p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", p.status().name());
        m.put("last_update", p.lastUpdate().toString());
        m.put("last_ok_status", p.lastOkStatus() == null ? null : p.lastOkStatus().toString());
        if (p.reason() != null) {
            m.put("reason", p.reason());
        }
        return m;
    }
}
