package fr.guichet.portal.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The portal's own "Page introuvable" (404) for an address that no page serves, instead of the
 * HTTP layer's English "Resource not found": the same French error page as a démarche one may not
 * see, with a link back to the home page.
 */
@ApplicationScoped
public class NotFoundPage {

    private final Template error;

    public NotFoundPage(@Location("erreur.html") Template error) {
        this.error = error;
    }

    void register(@Observes Router router) {
        router.errorHandler(404, this::answer);
    }

    void answer(RoutingContext context) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.closed() || response.headWritten()) {
            return;
        }
        response.setStatusCode(404).putHeader("Content-Type", "text/html;charset=UTF-8")
                .end(error.data("person", null).data("status", 404)
                        .data("message", "Aucune page à cette adresse : vérifiez-la, ou repartez de l'accueil.").render());
    }
}
