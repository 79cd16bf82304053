package fr.guichet.trace.common;

import fr.guichet.common.rest.QueryParameterNames;
import fr.guichet.trace.error.TraceErrors;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, on the read routes ({@code /admin/...} and {@code /tokens/...}), a query parameter the
 * matched method does not declare: a misspelt filter ({@code ?statuss=200}) would otherwise be
 * ignored and an audit export silently widened to more traces than were asked for. The names a
 * method accepts are those {@link QueryParameterNames} finds (bean parameters included), read
 * once per method.
 */
public class KnownQueryParameters {

    private static final Set<String> PREFIXES = Set.of("/admin", "/tokens");

    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    /**
     * Refuses the first query parameter the matched method does not declare.
     *
     * @throws fr.guichet.common.error.ApiException 400 {@code 00262} naming it in {@code source.parameter}
     */
    @ServerRequestFilter
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !isReadRoute(request.getUriInfo().getPath())) {
            return;
        }
        Set<String> known = declared.computeIfAbsent(method, QueryParameterNames::of);
        for (String name : request.getUriInfo().getQueryParameters().keySet()) {
            if (!known.contains(name)) {
                throw TraceErrors.unknownParameter(name, known);
            }
        }
    }

    private static boolean isReadRoute(String path) {
        for (String prefix : PREFIXES) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }
}
