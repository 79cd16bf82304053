package fr.guichet.token.admin;

import fr.guichet.common.error.HttpErrors;
import fr.guichet.common.rest.QueryParameterNames;
import fr.guichet.token.error.TokenErrors;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * What every admin route ({@code /admin/...}) expects of a request, checked once here rather than
 * in each resource:
 * <ul>
 * <li>a query parameter the route does not declare is refused (400 {@code 00800}, {@code source.parameter}
 * naming it): a misspelt filter ({@code ?organisation=} for {@code ?siret=}) would otherwise be ignored
 * and the operator shown a wrong list;</li>
 * <li>an action sent without a body (or with an empty one) is read as JSON, so that
 * {@code curl -X POST .../admin/keys/rotate} works as documented instead of answering 415; a body
 * that is not JSON is a 415.</li>
 * </ul>
 */
public class AdminRequestFilters {

    private static final String ADMIN_PREFIX = "/admin";

    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    /**
     * Runs before matching: an action's body is JSON or nothing. Without a body there is nothing
     * whose type could be unsupported, so the request is read as JSON (the action sees no reason);
     * a body of another type is refused here, rather than read by whichever reader accepts it.
     *
     * @throws fr.guichet.common.error.ApiException 415 {@code 00801} for a non-empty body that is not JSON
     */
    @ServerRequestFilter(preMatching = true)
    public void bodyIsJson(ContainerRequestContext request) {
        if (!isAdmin(request) || !HttpMethod.POST.equals(request.getMethod()) && !HttpMethod.PUT.equals(request.getMethod())) {
            return;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        boolean chunked = request.getHeaderString("Transfer-Encoding") != null;
        boolean empty = length == null ? !chunked : "0".equals(length.trim());
        MediaType type = request.getMediaType();
        if (empty) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        } else if (type != null && !isJson(type)) {
            throw HttpErrors.unsupportedMediaType(TokenErrors.INVALID);
        }
    }

    private static boolean isJson(MediaType type) {
        return "application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    }

    /**
     * Refuses the query parameters the matched method does not declare.
     *
     * @throws fr.guichet.common.error.ApiException 400 {@code 00800} naming the first unknown parameter
     */
    @ServerRequestFilter
    public void unknownQueryParameters(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !isAdmin(request)) {
            return;
        }
        Set<String> known = declared.computeIfAbsent(method, QueryParameterNames::of);
        for (String name : request.getUriInfo().getQueryParameters().keySet()) {
            if (!known.contains(name)) {
                throw TokenErrors.unknownParameter(name, known);
            }
        }
    }

    private static boolean isAdmin(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.equals(ADMIN_PREFIX) || path.startsWith(ADMIN_PREFIX + "/");
    }
}
