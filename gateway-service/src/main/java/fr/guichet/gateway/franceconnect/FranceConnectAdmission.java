package fr.guichet.gateway.franceconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.error.ApiException;
import fr.guichet.gateway.auth.CallerToken;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Resolves an end user's FranceConnect access token for a FranceConnect route
 * (docs/internal-contracts.md, "FranceConnect"): checks the token (sandbox: the reference's
 * fictitious tokens; production: FranceConnect's check-token), requires it active and carrying the
 * identity pivot, finds the habilitation its client ({@code token_introspection.aud}) is bound to
 * at token-service, and answers the caller: that habilitation's newest token with scopes =
 * habilitation scopes ∩ FranceConnect {@code scope} claim, a quota key derived from the token, and
 * the identity as civility parameters. The token itself is never logged, traced or stored.
 */
@ApplicationScoped
public class FranceConnectAdmission {

    private static final Logger LOG = Logger.getLogger(FranceConnectAdmission.class);
    /** RFC 6750 {@code b64token}: the characters an OAuth2 bearer token may hold. */
    static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9\\-._~+/]+=*$");
    /** FranceConnect's access tokens are 43 characters; anything this long is not one. */
    static final int MAX_TOKEN_LENGTH = 512;
    /** The identity claims a FranceConnect call needs (reference: FranceConnect::ValidateResponse hub identity scopes). */
    static final List<String> IDENTITY_SCOPES = List.of("family_name", "given_name", "gender", "birthdate", "birthplace", "birthcountry");

    private final FranceConnectConfig config;
    private final FranceConnectBindings bindings;
    private final CheckTokenClient checkToken;
    private final CheckTokenAnswerVerifier verifier;
    private final ObjectMapper mapper;
    private final SandboxTokens sandbox;

    public FranceConnectAdmission(FranceConnectConfig config, FranceConnectBindings bindings, CheckTokenClient checkToken,
                                  CheckTokenAnswerVerifier verifier, ObjectMapper mapper) {
        this.config = config;
        this.bindings = bindings;
        this.checkToken = checkToken;
        this.verifier = verifier;
        this.mapper = mapper;
        this.sandbox = config.mode() == FranceConnectConfig.Mode.SANDBOX ? SandboxTokens.load(mapper) : null;
    }

    /** Production mode without its settings would refuse every call: refuse to start instead. */
    void checkSettings(@Observes StartupEvent event) {
        if (config.mode() == FranceConnectConfig.Mode.SANDBOX) {
            LOG.infof("FranceConnect in sandbox mode: %d fictitious tokens, no call to FranceConnect", sandbox.names().size());
            return;
        }
        List<String> missing = new ArrayList<>();
        if (config.checkTokenUrl().isEmpty()) {
            missing.add("check-token-url");
        }
        if (config.clientId().isEmpty()) {
            missing.add("client-id");
        }
        if (config.clientSecret().isEmpty()) {
            missing.add("client-secret");
        }
        if (config.issuer().isEmpty()) {
            missing.add("issuer");
        }
        if (config.jwksUrl().isEmpty()) {
            missing.add("jwks-url");
        }
        if (!missing.isEmpty()) {
            String message = "FranceConnect production mode needs guichet.gateway.franceconnect." + String.join(", ", missing);
            if (LaunchMode.current() == LaunchMode.NORMAL) {
                throw new IllegalStateException(message);
            }
            LOG.warn(message);
        }
    }

    /**
     * Admits a FranceConnect call.
     *
     * @param bearerToken the end user's FranceConnect access token (the {@code Authorization} header's
     *                    value with or without its {@code Bearer } prefix)
     * @throws ApiException 401 {@code 50001} malformed (not an RFC 6750 token, longer than
     *         {@value #MAX_TOKEN_LENGTH}, or FranceConnect's {@code invalid_request}); 401 {@code 50002}
     *         unknown, inactive or expired, or its client bound to no habilitation; 401 {@code 50003}
     *         without the identity pivot; 502 {@code 51999} an answer the platform cannot read or
     *         trust (bad signature included); 504 {@code 51002} FranceConnect unreachable or late;
     *         503 {@code 51001} circuit open; 503 {@code 00501} token-service unreachable
     */
    public FranceConnectCaller admit(String bearerToken) {
        String token = bearerToken;
        if (token != null && token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7);
        }
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH || !TOKEN.matcher(token).matches()) {
            throw FranceConnectErrors.malformed();
        }
        Introspection introspection = sandbox != null ? sandbox.find(token).orElseThrow(FranceConnectErrors::notFoundOrExpired)
                : checked(token);
        if (!introspection.active()) {
            throw FranceConnectErrors.notFoundOrExpired();
        }
        // The sandbox's fictitious tokens carry an exp of 2024: only real answers are held to theirs.
        if (sandbox == null && introspection.exp() + config.clockSkew().toSeconds() < System.currentTimeMillis() / 1000) {
            throw FranceConnectErrors.notFoundOrExpired();
        }
        if (!carriesIdentity(introspection.scopes())) {
            throw FranceConnectErrors.missingIdentity(introspection.scopes());
        }
        Map<String, List<String>> identity;
        try {
            identity = IdentityMapping.civility(introspection);
        } catch (IllegalArgumentException e) {
            LOG.warnf("FranceConnect identity without a usable %s claim", e.getMessage());
            throw FranceConnectErrors.missingIdentity(introspection.scopes());
        }
        if (introspection.aud() == null) {
            LOG.error("FranceConnect token_introspection without aud: no habilitation can be found");
            throw FranceConnectErrors.unexpected();
        }
        FranceConnectBindings.Binding binding = bindings.find(introspection.aud())
                .orElseThrow(FranceConnectErrors::notFoundOrExpired);
        Set<String> scopes = new LinkedHashSet<>(binding.scopes());
        scopes.retainAll(dataScopes(introspection.scopes()));
        CallerToken caller = new CallerToken(binding.jti(), binding.habilitationId(), binding.siret(), Set.copyOf(scopes),
                CallerToken.TYPE_API, binding.apiKind(), binding.exp());
        return new FranceConnectCaller(caller, "fc:" + sha256(token), identity);
    }

    /** Production: check-token, then the answer opened and verified. */
    private Introspection checked(String token) {
        CheckTokenClient.Answer answer = checkToken.check(token);
        if (answer.status() == 200) {
            try {
                return verifier.open(answer.body());
            } catch (CheckTokenAnswerVerifier.KeysUnreachableException e) {
                LOG.warn("FranceConnect JWKS unreachable: check-token answer cannot be verified");
                throw FranceConnectErrors.timeout();
            } catch (CheckTokenAnswerVerifier.UntrustedAnswerException e) {
                throw FranceConnectErrors.unexpected();
            }
        }
        if (answer.status() == 400 || answer.status() == 401) {
            // The reference's mapping of FranceConnect's OAuth2 errors.
            String error = errorType(answer.body());
            if ("invalid_request".equals(error)) {
                throw FranceConnectErrors.malformed();
            }
            if ("invalid_client".equals(error)) {
                throw FranceConnectErrors.notFoundOrExpired();
            }
        }
        LOG.errorf("FranceConnect check-token answered %d (%s)", answer.status(), errorType(answer.body()));
        throw FranceConnectErrors.unexpected();
    }

    private String errorType(String body) {
        try {
            JsonNode json = mapper.readTree(body == null ? "" : body);
            return json != null && json.path("error").isTextual() ? json.path("error").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Whether the scopes grant the whole identity pivot; {@code identite_pivot}, {@code profile}
     * and {@code birth} stand for their parts (reference: FranceConnect::ValidateResponse).
     */
    static boolean carriesIdentity(List<String> scopes) {
        Set<String> flat = new LinkedHashSet<>(scopes);
        if (flat.remove("identite_pivot")) {
            flat.add("profile");
            flat.add("birth");
        }
        if (flat.remove("profile")) {
            flat.addAll(List.of("given_name", "family_name", "birthdate", "gender"));
        }
        if (flat.remove("birth")) {
            flat.addAll(List.of("birthplace", "birthcountry"));
        }
        return flat.containsAll(IDENTITY_SCOPES);
    }

    /**
     * The FranceConnect scopes that open data: on v3 and later routes the reference drops every
     * {@code *_identite*} scope (the identity comes from FranceConnect, the provider does not send it back).
     */
    static Set<String> dataScopes(List<String> scopes) {
        Set<String> data = new LinkedHashSet<>();
        for (String scope : scopes) {
            if (!scope.contains("_identite")) {
                data.add(scope);
            }
        }
        return data;
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }
}
