package fr.guichet.token.organisation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A partner administration, identified by its SIRET. */
@Entity
@Table(name = "organisations")
public class Organisation extends PanacheEntityBase {

    @Id
    public UUID id;

    public String siret;

    public String name;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Uni<Organisation> findBySiret(String siret) {
        return find("siret", siret).firstResult();
    }
}
