package fr.guichet.common.rest;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The query parameters a resource method declares, so that a service can refuse the others (a
 * misspelt filter would otherwise be ignored and widen a result): its {@code @QueryParam} and
 * {@code @RestQuery} parameters, and those declared inside its {@code @BeanParam}s (on their
 * fields, inherited ones included, or setters).
 */
public final class QueryParameterNames {

    private QueryParameterNames() {
    }

    /**
     * @param method a resource method
     * @return the query parameter names it reads, possibly empty, unmodifiable
     */
    public static Set<String> of(Method method) {
        Set<String> names = new LinkedHashSet<>();
        for (Parameter p : method.getParameters()) {
            collect(p, p.getName(), p.getType(), names);
        }
        return Set.copyOf(names);
    }

    /** Adds the query name of one parameter, field or setter, or, for a bean parameter, those declared inside it. */
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
