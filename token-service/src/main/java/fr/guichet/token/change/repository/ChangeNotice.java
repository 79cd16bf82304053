package fr.guichet.token.change.repository;

import fr.guichet.token.config.CommaListConverter;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The notice of one change to one technical contact address: who was told, for which
 * habilitations, and when the mail left ({@link #sentAt}, null while pending). Table
 * {@code change_notices}.
 */
@Entity
@Table(name = "change_notices")
public class ChangeNotice extends PanacheEntityBase {

    /** Change and address: each address is told of a change once. */
    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "change_id")
        public UUID changeId;

        public String email;

        public Key() {
        }

        public Key(UUID changeId, String email) {
            this.changeId = changeId;
            this.email = email;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(changeId, k.changeId) && Objects.equals(email, k.email);
        }

        @Override
        public int hashCode() {
            return Objects.hash(changeId, email);
        }
    }

    @EmbeddedId
    public Key key;

    /** The habilitations of that contact using an affected operation, ids as text. */
    @Convert(converter = CommaListConverter.class)
    @Column(name = "habilitation_ids")
    public List<String> habilitationIds;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** When a sender last claimed it (null: never tried). */
    @Column(name = "attempted_at")
    public Instant attemptedAt;

    public int attempts;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** Why the last attempt failed (the mailer's message), or null. */
    @Column(name = "last_error")
    public String lastError;
}
