package fr.guichet.gateway.service;

import fr.guichet.common.error.ApiException;
import fr.guichet.gateway.auth.CallerToken;
import fr.guichet.gateway.auth.TokenVerifier;
import fr.guichet.gateway.franceconnect.FranceConnectAdmission;
import fr.guichet.gateway.franceconnect.FranceConnectCaller;
import fr.guichet.gateway.quota.AddressLimiter;
import fr.guichet.gateway.validation.QueryParameters;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The first step of every traced call (data routes, {@code /privileges}, documents): the one
 * parsing of the query ({@link QueryParameters}), the credential and its verification, and the
 * per-address limit of calls that carry no valid token ({@link AddressLimiter}). Failures are
 * kept, not thrown, so that each route raises them in its own order (an unknown route is a 404
 * before the token is looked at). On a FranceConnect route the Bearer is an end user's
 * FranceConnect access token: {@link FranceConnectAdmission} resolves it instead of the JWT check.
 */
@ApplicationScoped
public class CallAdmission {

    private final TokenVerifier verifier;
    private final AddressLimiter addresses;
    private final FranceConnectAdmission franceConnect;

    public CallAdmission(TokenVerifier verifier, AddressLimiter addresses, FranceConnectAdmission franceConnect) {
        this.verifier = verifier;
        this.addresses = addresses;
        this.franceConnect = franceConnect;
    }

    /**
     * What is known of a call before its route handles it.
     *
     * @param query             the parsed query; null when {@code queryError} is set
     * @param token             the verified token; null when {@code tokenError} is set
     * @param retryAfterSeconds above 0: an unauthenticated caller beyond its address's limit
     * @param franceConnect     on a FranceConnect route, the admitted end user's call (its token is {@code token}); else null
     */
    public record Admitted(QueryParameters query, ApiException queryError, CallerToken token, ApiException tokenError,
                           long retryAfterSeconds, FranceConnectCaller franceConnect) {

        /** The parsed query, or its 400/422. */
        public QueryParameters queryOrThrow() {
            if (queryError != null) {
                throw queryError;
            }
            return query;
        }

        /** The verified token, or its 401. */
        public CallerToken tokenOrThrow() {
            if (tokenError != null) {
                throw tokenError;
            }
            return token;
        }

        /** Throws 429 {@code 00429} when the address is beyond its unauthenticated limit. */
        public void throwIfLimited() {
            if (retryAfterSeconds > 0) {
                throw Errors.tooManyRequests(retryAfterSeconds);
            }
        }
    }

    /** Parses, authenticates and, for a call without a valid token, counts it against its address. */
    public Admitted admit(IncomingCall call) {
        return admit(call, false);
    }

    /**
     * As {@link #admit(IncomingCall)}; with {@code franceConnectRoute} the Bearer is resolved by
     * FranceConnect (its 401 {@code 50001}/{@code 50002}, 502/503/504 kept as the token error).
     */
    public Admitted admit(IncomingCall call, boolean franceConnectRoute) {
        return admit(call, franceConnectRoute, Parsed.of(call));
    }

    /** The call's query, parsed once (or why it, or the path's raw bytes, could not be), and its credential. */
    private record Parsed(QueryParameters query, ApiException queryError, String credential) {
        static Parsed of(IncomingCall call) {
            try {
                QueryParameters.requireUtf8Path(call.path());
                QueryParameters query = QueryParameters.parse(call.rawQuery());
                return new Parsed(query, null, CallAdmission.credential(call, query));
            } catch (ApiException e) {
                return new Parsed(null, e, CallAdmission.credential(call, null));
            }
        }
    }

    private Admitted admit(IncomingCall call, boolean franceConnectRoute, Parsed parsed) {
        QueryParameters query = parsed.query();
        ApiException queryError = parsed.queryError();
        CallerToken token = null;
        ApiException tokenError = null;
        FranceConnectCaller caller = null;
        try {
            if (franceConnectRoute) {
                caller = franceConnect.admit(bearer(call));
                token = caller.token();
            } else {
                // The same String as needsKeyFetch's: its hash, over a token of some 500 characters, is computed once.
                token = verifier.verify(parsed.credential());
            }
        } catch (ApiException e) {
            tokenError = e;
        }
        long retryAfter = 0;
        if (token == null) {
            long waitMs = addresses.acquire(call.clientIp(), System.currentTimeMillis());
            retryAfter = waitMs == 0 ? 0 : Math.max(1, (waitMs + 999) / 1000);
        }
        return new Admitted(query, queryError, token, tokenError, retryAfter, caller);
    }

    /**
     * As {@link #admit(IncomingCall, boolean)} without blocking the event loop: a FranceConnect
     * route (a call to FranceConnect) or a token whose signing key is not cached yet (a JWKS
     * fetch) is admitted on a worker thread; any other call at once, on the calling thread.
     */
    public Uni<Admitted> admitAsync(IncomingCall call, boolean franceConnectRoute) {
        Parsed parsed = Parsed.of(call);
        if (franceConnectRoute || verifier.needsKeyFetch(parsed.credential())) {
            return Uni.createFrom().item(() -> admit(call, franceConnectRoute, parsed))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        return Uni.createFrom().item(admit(call, false, parsed));
    }

    /** The Bearer credential only: a FranceConnect token never travels in a query or X-Api-Key. */
    static String bearer(IncomingCall call) {
        String auth = call.authorization();
        return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : null;
    }

    /** Bearer header, then X-Api-Key, then {@code ?token=} (API Entreprise accepts all three). */
    static String credential(IncomingCall call, QueryParameters query) {
        String auth = call.authorization();
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).trim();
        }
        if (call.apiKey() != null && !call.apiKey().isBlank()) {
            return call.apiKey().trim();
        }
        return query == null ? null : query.token();
    }
}
