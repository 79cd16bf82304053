package fr.guichet.token.incident.service;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.common.operation.OperationDeclarations;
import fr.guichet.token.audit.AdminAction;
import fr.guichet.token.audit.AuditService;
import fr.guichet.token.error.TokenErrors;
import fr.guichet.token.incident.repository.IncidentSwitch;
import fr.guichet.token.incident.rest.IncidentRequest;
import fr.guichet.token.time.TimeSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The operator's incident switch at runtime: validated, stored in PostgreSQL with its audit entry
 * in one transaction, then copied to Redis for every gateway replica ({@link IncidentCopy}). The
 * copy is rewritten at start-up and by the periodic reconciliation, so a flushed Redis is repaired.
 */
@ApplicationScoped
public class IncidentService {

    private static final Logger LOG = Logger.getLogger(IncidentService.class);
    /** Longest {@code retry_in} accepted: one day, in seconds. */
    static final long MAX_RETRY_IN = 86_400;
    static final int MAX_REASON_LENGTH = 500;

    private final AuditService audit;
    private final IncidentCopy copy;
    private final TimeSource time;
    /** The gateway's provider keys: those of the operation declarations (services.yml's providers). */
    private final Set<String> providers;

    public IncidentService(AuditService audit, IncidentCopy copy, TimeSource time) {
        this.audit = audit;
        this.copy = copy;
        this.time = time;
        this.providers = OperationDeclarations.standard().all().stream().map(OperationDeclaration::provider)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The stored state, or {@link IncidentState#none()} when never set. */
    public Uni<IncidentState> current() {
        return Panache.withSession(IncidentSwitch::current).map(IncidentState::of);
    }

    /**
     * Replaces the switch, audited as {@code set_incident_switch}, then publishes it.
     *
     * @throws ApiException 422 {@code 00801} naming each invalid field (missing reason, unknown
     *                      provider, retry_in outside 1..86400); 503 {@code 00810} when stored but
     *                      Redis could not be written (the reconciliation publishes it later)
     */
    public Uni<IncidentState> set(IncidentRequest request, String actor) {
        List<String> cut = validate(request);
        boolean dataPlaneCut = Boolean.TRUE.equals(request.dataPlaneCut());
        long retryIn = request.retryIn() == null ? IncidentState.DEFAULT_RETRY_IN : request.retryIn();
        String reason = request.reason().trim();
        return Panache.withTransaction(() -> IncidentSwitch.current().flatMap(found -> {
            IncidentSwitch s = found != null ? found : new IncidentSwitch();
            s.id = IncidentSwitch.ID;
            s.dataPlaneCut = dataPlaneCut;
            s.cutProviders = cut;
            s.retryIn = (int) retryIn;
            s.reason = reason;
            s.updatedAt = time.now();
            s.updatedBy = actor;
            AdminAction action = AdminAction.of(actor, "set_incident_switch", "incident_switch", "global", reason)
                    .withDetails(Map.of("data_plane_cut", String.valueOf(dataPlaneCut),
                            "cut_providers", String.join(",", cut), "retry_in", String.valueOf(retryIn)));
            return s.<IncidentSwitch>persist().call(() -> audit.record(action));
        })).map(IncidentState::of)
                .invoke(state -> LOG.infof("Incident switch set by %s: data plane cut %s, providers cut %s, retry in %d s",
                        actor, state.dataPlaneCut(), state.cutProviders(), state.retryIn()))
                .call(state -> copy.publish(state).onFailure().transform(f -> {
                    LOG.errorf("Incident switch stored but not published to Redis (%s): reconciliation will retry", f.toString());
                    return TokenErrors.incidentPropagationPending();
                }));
    }

    /** Rewrites the Redis copy from PostgreSQL (start-up, reconciliation); nothing when never set. */
    public Uni<Void> republish() {
        return Panache.withSession(IncidentSwitch::current)
                .flatMap(s -> s == null ? Uni.createFrom().voidItem() : copy.publish(IncidentState.of(s)));
    }

    private List<String> validate(IncidentRequest request) {
        if (request == null) {
            throw TokenErrors.invalid("reason", "La raison (reason) est obligatoire.");
        }
        List<ApiError> errors = new ArrayList<>();
        if (request.reason() == null || request.reason().isBlank()) {
            errors.add(TokenErrors.invalidError("reason", "La raison (reason) est obligatoire."));
        } else if (request.reason().length() > MAX_REASON_LENGTH) {
            errors.add(TokenErrors.invalidError("reason",
                    "La raison (reason) ne doit pas dépasser " + MAX_REASON_LENGTH + " caractères."));
        }
        if (request.retryIn() != null && (request.retryIn() < 1 || request.retryIn() > MAX_RETRY_IN)) {
            errors.add(TokenErrors.invalidError("retry_in",
                    "Le délai (retry_in) doit être compris entre 1 et " + MAX_RETRY_IN + " secondes."));
        }
        Set<String> cut = new LinkedHashSet<>();
        if (request.cutProviders() != null) {
            for (String p : request.cutProviders()) {
                if (p == null || !providers.contains(p)) {
                    errors.add(TokenErrors.invalidError("cut_providers", "Fournisseur inconnu : « " + p
                            + " ». Fournisseurs possibles : " + String.join(", ", providers) + "."));
                } else {
                    cut.add(p);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(422, errors);
        }
        return List.copyOf(cut);
    }
}
