package fr.guichet.token.token;

import fr.guichet.token.config.CommaListConverter;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One issued JWT: a long-lived API token ({@code api}) or an OAuth2 access token ({@code oauth}). */
@Entity
@Table(name = "tokens")
public class Token extends PanacheEntityBase {

    public static final String KIND_API = "api";
    public static final String KIND_OAUTH = "oauth";

    @Id
    public UUID jti;

    @Column(name = "habilitation_id")
    public UUID habilitationId;

    public String kind;

    @Column(name = "oauth_client_id")
    public String oauthClientId;

    public String kid;

    @Convert(converter = CommaListConverter.class)
    public List<String> scopes;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    /** When the token stops being accepted: {@code expires_at}, or earlier after a prolongation. */
    @Column(name = "ends_at")
    public Instant endsAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revocation_reason")
    public String revocationReason;

    @Column(name = "replaced_by")
    public UUID replacedBy;

    @Column(name = "token_value_enc")
    public String tokenValueEnc;

    @Column(name = "retrieved_at")
    public Instant retrievedAt;

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean isLive(Instant now) {
        return revokedAt == null && endsAt.isAfter(now);
    }
}
