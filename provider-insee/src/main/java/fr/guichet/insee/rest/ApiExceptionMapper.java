package fr.guichet.insee.rest;

import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import fr.guichet.common.error.ErrorResponse;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure leaves as an API Entreprise error body. */
public class ApiExceptionMapper {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class);

    @ServerExceptionMapper
    public Response map(ApiException e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(e.body()).build();
    }

    /** A bug of ours: 500 00500, logged with its stack trace; JAX-RS's own errors keep their response. */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (e instanceof WebApplicationException web) {
            return web.getResponse();
        }
        LOG.error("Unexpected failure", e);
        return Response.status(500).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorResponse.of(ErrorCatalogue.standard().error("00500"))).build();
    }
}
