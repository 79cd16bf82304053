package fr.guichet.trace.common;

import fr.guichet.trace.error.TraceErrors;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, on the read routes ({@code /admin/...} and {@code /tokens/...}), a query parameter the
 * matched method does not declare: a misspelt filter ({@code ?statuss=200}) would otherwise be
 * ignored and an audit export silently widened to more traces than were asked for. The names a
 * method accepts are its {@code @QueryParam}/{@code @RestQuery} parameters, including those
 * declared inside its {@code @BeanParam}s; they are read once per method.
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
        Set<String> known = declared.computeIfAbsent(method, KnownQueryParameters::queryParameters);
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

    static Set<String> queryParameters(Method method) {
        Set<String> names = new LinkedHashSet<>();
        for (Parameter p : method.getParameters()) {
            collect(p, p.getName(), p.getType(), names);
        }
        return Set.copyOf(names);
    }

    /** Adds the query name of one parameter or field, or, for a bean parameter, those declared inside it. */
    private static void collect(AnnotatedElement element, String javaName, Class<?> type, Set<String> names) {
        for (Annotation a : element.getAnnotations()) {
            if (a instanceof QueryParam q) {
                names.add(q.value());
            } else if (a instanceof RestQuery r) {
                names.add(r.value().isEmpty() ? javaName : r.value());
            } else if (a instanceof BeanParam) {
                beanParameters(type, names);
            }
        }
    }

    private static void beanParameters(Class<?> bean, Set<String> names) {
        // a bean's query parameters may sit on its fields (its own or inherited) or on its setters
        for (Class<?> c = bean; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                collect(f, f.getName(), f.getType(), names);
            }
            for (Method m : c.getDeclaredMethods()) {
                String name = m.getName().startsWith("set") && m.getName().length() > 3
                        ? Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4) : m.getName();
                collect(m, name, m.getParameterCount() == 1 ? m.getParameterTypes()[0] : m.getReturnType(), names);
            }
        }
    }
}
