package fr.guichet.common.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.Set;
import org.jboss.resteasy.reactive.RestQuery;
import org.junit.jupiter.api.Test;

/** The names a route accepts include those declared inside its bean parameters, not only on its own parameters. */
class QueryParameterNamesTest {

    static class Base {
        @QueryParam("from")
        String from;
    }

    static class Filters extends Base {
        @QueryParam("status")
        String status;
        @RestQuery
        String operation;
        String notAParameter;

        @QueryParam("limit")
        void setLimit(String limit) {
        }
    }

    @SuppressWarnings("unused")
    void route(@PathParam("jti") String jti, @QueryParam("format") String format, @BeanParam Filters filters) {
    }

    @Test
    void queryParametersOfTheMethodAndOfItsBeanParametersAreCollected() throws Exception {
        var method = QueryParameterNamesTest.class.getDeclaredMethod("route", String.class, String.class, Filters.class);
        assertEquals(Set.of("format", "status", "operation", "from", "limit"), QueryParameterNames.of(method));
    }
}
