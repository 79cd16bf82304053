package fr.guichet.token.change.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import fr.guichet.token.change.repository.PlannedChange;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * An announced change as partners and the public read it (never who announced it nor who was told);
 * {@code habilitations} only on {@code GET /me/changes}: the person's démarches it affects.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnnouncedChangeView(String id, String title, String description, List<String> apis,
                                  List<String> operations, @JsonProperty("production_date") String productionDate,
                                  boolean urgent, @JsonProperty("announced_at") String announcedAt,
                                  List<Demarche> habilitations) {

    /** A démarche of the person that uses an affected operation. */
    @RegisterForReflection
    public record Demarche(String id, String intitule) {
    }

    public static AnnouncedChangeView of(PlannedChange c, List<Demarche> habilitations) {
        return new AnnouncedChangeView(c.id.toString(), c.title, c.description, c.apis, c.operations,
                c.productionDate.toString(), c.urgent, c.announcedAt.toString(), habilitations);
    }
}
