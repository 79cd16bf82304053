package fr.guichet.token.key;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An ES256 key pair; the private part is stored encrypted by {@link SecretBox}. */
@Entity
@Table(name = "signing_keys")
public class SigningKey extends PanacheEntityBase {

    @Id
    public String kid;

    public String algorithm;

    @Column(name = "public_jwk")
    public String publicJwk;

    @Column(name = "private_key_enc")
    public String privateKeyEnc;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "retired_at")
    public Instant retiredAt;
}
