package fr.guichet.token.operator.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A named console operator (table {@code operators}, V8): role {@code admin} or {@code auditor}. */
@Entity
@Table(name = "operators")
public class Operator extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Lower-case e-mail address, unique: where login links go, and the session's subject. */
    public String email;

    public String name;

    /** {@code admin} or {@code auditor}: the single group of the operator's session JWT. */
    public String role;

    /** False once deactivated: no more login, and live sessions are refused. */
    public boolean active;

    @Column(name = "created_at")
    public Instant createdAt;
}
