package fr.guichet.acoss.error;

import fr.guichet.common.error.ApiException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure reaches the gateway as an API Entreprise error body with its own status. */
public class ApiExceptionMapper {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class);

    @ServerExceptionMapper
    public Response toResponse(ApiException e) {
        if (e.status() >= 500) {
            LOG.warnf("Answering %d %s: %s", e.status(), e.errors().get(0).code(), e.errors().get(0).detail());
        }
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(e.body()).build();
    }
}
