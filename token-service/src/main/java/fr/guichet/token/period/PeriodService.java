package fr.guichet.token.period;

import fr.guichet.token.audit.AdminAction;
import fr.guichet.token.audit.AuditService;
import fr.guichet.token.habilitation.Habilitation;
import fr.guichet.token.habilitation.HabilitationService;
import fr.guichet.token.habilitation.HabilitationStatus;
import fr.guichet.token.error.TokenErrors;
import fr.guichet.token.time.TimeSource;
import fr.guichet.token.token.Token;
import fr.guichet.token.token.TokenService;
import fr.guichet.token.token.TokenState;
import fr.guichet.token.token.TokenStateCopy;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The periods a habilitation opens, per scope (DGFIP ENSU terms, 4): set by an operator, audited
 * ({@code set_habilitation_periods}), and written into the token state copy of every token of the
 * habilitation still in Redis, which the gateway reads on each call (a change applies to the next call).
 */
@ApplicationScoped
public class PeriodService {

    @Inject
    AuditService audit;

    @Inject
    TimeSource time;

    @Inject
    TokenStateCopy copy;

    /** The habilitation's periods; 404 {@code 00003} when unknown. */
    public Uni<PeriodsView> get(UUID habilitationId) {
        return Panache.withSession(() -> HabilitationService.load(habilitationId)).map(loaded -> view(loaded.habilitation()));
    }

    /**
     * Replaces the habilitation's periods ({@code {}} lifts every restriction), then rewrites the
     * state copies of its tokens. Setting the periods it already has changes nothing and audits nothing.
     *
     * @throws fr.guichet.common.error.ApiException 422 {@code 00801} (see {@link PeriodValidator}),
     *         404 {@code 00003} unknown habilitation, 409 {@code 00802} refused or revoked habilitation
     */
    public Uni<PeriodsView> set(UUID habilitationId, PeriodsRequest body, String actor) {
        List<TokenState> changed = new ArrayList<>();
        return Panache.withTransaction(() -> HabilitationService.loadForUpdate(habilitationId).flatMap(loaded -> {
            Habilitation h = loaded.habilitation();
            if (h.status() == HabilitationStatus.REFUSED || h.status() == HabilitationStatus.REVOKED) {
                return Uni.createFrom().<PeriodsView>failure(TokenErrors.outOfOrder("L'habilitation est à l'état « "
                        + h.status + " » : ses périodes ne peuvent plus changer."));
            }
            Map<String, OpenPeriod> periods;
            try {
                periods = PeriodValidator.valid(body == null ? null : body.periods(), h.scopes);
            } catch (RuntimeException e) {
                return Uni.createFrom().<PeriodsView>failure(e);
            }
            Map<String, OpenPeriod> previous = h.periods == null ? Map.of() : h.periods;
            if (previous.equals(periods)) {
                return Uni.createFrom().item(view(h));
            }
            h.periods = periods.isEmpty() ? null : periods;
            h.updatedAt = time.now();
            Map<String, String> details = new LinkedHashMap<>();
            details.put("periods", PeriodsConverter.json(periods));
            details.put("previous_periods", PeriodsConverter.json(previous));
            return audit.record(AdminAction.of(actor, "set_habilitation_periods", "habilitation", h.id.toString(),
                                    body.reason())
                            .withContext(h.id.toString(), null, loaded.organisation().siret, h.apiKind)
                            .withDetails(details))
                    .chain(() -> Token.<Token>list("habilitationId = ?1 and endsAt > ?2", h.id, time.now()))
                    .invoke(tokens -> tokens.forEach(t -> changed.add(TokenService.state(t, loaded))))
                    .replaceWith(view(h));
        })).call(() -> copy.writeAll(changed));
    }

    static PeriodsView view(Habilitation h) {
        return new PeriodsView(h.id.toString(), h.periods == null ? Map.of() : h.periods);
    }
}
