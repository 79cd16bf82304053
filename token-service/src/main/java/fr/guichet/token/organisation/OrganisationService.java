package fr.guichet.token.organisation;

import fr.guichet.common.identifier.Siret;
import fr.guichet.token.audit.AdminAction;
import fr.guichet.token.audit.AuditService;
import fr.guichet.token.error.TokenErrors;
import fr.guichet.token.time.TimeSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

@ApplicationScoped
public class OrganisationService {

    @Inject
    AuditService audit;

    @Inject
    TimeSource time;

    /**
     * The SIRET without its spaces.
     *
     * @throws fr.guichet.common.error.ApiException 422 {@code 00302} (parameter {@code siret}) when not a valid SIRET
     */
    public static String validSiret(String siret) {
        String normalized = siret.replace(" ", "");
        if (!Siret.isValid(normalized)) {
            throw TokenErrors.invalidSiret("siret");
        }
        return normalized;
    }

    public Uni<Organisation> create(String siret, String name, String actor) {
        if (siret == null || siret.isBlank()) {
            return Uni.createFrom().failure(TokenErrors.invalid("siret", "Le champ « siret » est obligatoire."));
        }
        String normalized;
        try {
            normalized = validSiret(siret);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        if (name == null || name.isBlank()) {
            return Uni.createFrom().failure(TokenErrors.invalid("name", "Le champ « name » est obligatoire."));
        }
        if (name.length() > 300) {
            return Uni.createFrom().failure(TokenErrors.invalid("name", "Le champ « name » dépasse 300 caractères."));
        }
        return Panache.withTransaction(() -> Panache.getSession()
                // Serialises concurrent creations of the same SIRET; the unique index is the last word.
                .flatMap(s -> s.createNativeQuery("select pg_advisory_xact_lock(hashtext(:siret))")
                        .setParameter("siret", normalized).getSingleResult())
                .flatMap(ignored -> Organisation.findBySiret(normalized))
                .flatMap(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().failure(TokenErrors.conflict(
                                "Une organisation existe déjà pour le SIRET " + normalized + "."));
                    }
                    Organisation org = new Organisation();
                    org.id = UUID.randomUUID();
                    org.siret = normalized;
                    org.name = name.trim();
                    org.createdAt = time.now();
                    return org.<Organisation>persist()
                            .call(o -> audit.record(AdminAction.of(actor, "create_organisation", "organisation",
                                    o.id.toString(), null).withContext(null, null, o.siret, null)));
                }));
    }
}
