package fr.guichet.dgfip.error;

import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import fr.guichet.common.error.ErrorResponse;
import fr.guichet.common.error.ProviderPrefix;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure leaves as an API Entreprise error body, never as an HTML page or a bare 500. */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(e.body());
        Object retryIn = e.errors().get(0).meta().get("retry_in");
        if (retryIn != null && (e.status() == 429 || e.status() == 503)) {
            response.header("Retry-After", retryIn);
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return apiException(DgfipErrors.notFound(DgfipErrors.ADELIE, "Cette route n'existe pas."));
    }

    /** Framework refusals (405, 406, 415...) keep their status. */
    @ServerExceptionMapper
    public Response webApplication(jakarta.ws.rs.WebApplicationException e) {
        if (e.getResponse().getStatus() >= 500) {
            return unexpected(e);
        }
        return e.getResponse();
    }

    @ServerExceptionMapper(priority = 6000)
    public Response unexpected(RuntimeException e) {
        LOG.error("Erreur inattendue", e);
        ErrorResponse body = ErrorResponse.of(ErrorCatalogue.standard().providerError(ProviderPrefix.DGFIP, "999"));
        return Response.status(502).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
