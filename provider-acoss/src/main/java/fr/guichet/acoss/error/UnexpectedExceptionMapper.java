package fr.guichet.acoss.error;

import fr.guichet.common.error.ErrorCatalogue;
import fr.guichet.common.error.ErrorResponse;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A bug or an infrastructure failure nobody foresaw still reaches the gateway as an API Entreprise
 * error body (00500), with the stack trace in our log rather than in the answer.
 */
public class UnexpectedExceptionMapper {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class);

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response toResponse(Exception e) {
        if (e instanceof WebApplicationException web) {
            return web.getResponse();
        }
        LOG.error("Unexpected failure", e);
        return Response.status(500).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorResponse.of(ErrorCatalogue.standard().error("00500"))).build();
    }
}
