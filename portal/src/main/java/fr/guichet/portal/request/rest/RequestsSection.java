package fr.guichet.portal.request.rest;

import fr.guichet.portal.demarche.service.PageFailure;
import fr.guichet.portal.request.service.RequestService;
import fr.guichet.portal.request.service.RequestView;
import fr.guichet.portal.session.CurrentSession;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The {@code #requests} section of {@code /demarches} (template {@code demandes.html}, included by
 * {@code demarches.html} as {@code inject:partnerRequests}): the person's requests for new
 * démarches and their status. A failure of token-service here leaves the rest of the page
 * usable and says so in the section.
 */
@Named("partnerRequests")
@RequestScoped
public class RequestsSection {

    @Inject
    CurrentSession current;

    @Inject
    RequestService requests;

    @Inject
    CurrentVertxRequest http;

    private List<RequestView> list;
    private String failure;

    /** The person's requests, newest first; empty without a session or when token-service failed. */
    public List<RequestView> getList() {
        load();
        return list;
    }

    /** A French message when the requests could not be read, else null. */
    public String getFailure() {
        load();
        return failure;
    }

    /** Whether the page follows a successful submission ({@code ?demande=envoyee}). */
    public boolean isJustSent() {
        RoutingContext context = http.getCurrent();
        return context != null && "envoyee".equals(context.request().getParam("demande"));
    }

    /** Sets what the section shows for this request instead of asking token-service (pages rendered with fixed data). */
    void show(List<RequestView> requests, String failureMessage) {
        list = requests;
        failure = failureMessage;
    }

    private void load() {
        if (list != null) {
            return;
        }
        list = List.of();
        current.get().ifPresent(person -> {
            try {
                list = requests.list(person);
            } catch (PageFailure e) {
                failure = e.failure().message();
            }
        });
    }
}
