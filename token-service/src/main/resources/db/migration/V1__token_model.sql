-- token-service model. PostgreSQL is the authority on a token's state; Redis only holds a copy.

CREATE TABLE organisations (
    id          uuid PRIMARY KEY,
    siret       varchar(14) NOT NULL UNIQUE,
    name        text        NOT NULL,
    created_at  timestamptz NOT NULL
);

-- An authorisation request for one procedure (démarche) of one organisation.
-- scopes and allowed_ips are comma-separated lists (scopes and CIDRs never contain a comma);
-- contacts is a JSON document (demandeur/technique/metier), erased by the retention job.
CREATE TABLE habilitations (
    id                    uuid PRIMARY KEY,
    organisation_id       uuid        NOT NULL REFERENCES organisations (id),
    api_kind              varchar(16) NOT NULL CHECK (api_kind IN ('entreprise', 'particulier')),
    intitule              text        NOT NULL,
    legal_basis           text        NOT NULL,
    scopes                text        NOT NULL,
    status                varchar(16) NOT NULL
        CHECK (status IN ('draft', 'submitted', 'validated', 'refused', 'revoked')),
    status_reason         text,
    contacts              text,
    contacts_erased_at    timestamptz,
    rate_limit_per_minute integer     NOT NULL CHECK (rate_limit_per_minute > 0),
    allowed_ips           text        NOT NULL,
    environment           varchar(16) NOT NULL CHECK (environment IN ('sandbox', 'production')),
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    validated_at          timestamptz,
    ended_at              timestamptz
);
CREATE INDEX habilitations_organisation ON habilitations (organisation_id);

CREATE TABLE oauth_clients (
    client_id       varchar(64) PRIMARY KEY,
    secret_hash     varchar(128) NOT NULL,
    habilitation_id uuid         NOT NULL REFERENCES habilitations (id),
    created_at      timestamptz  NOT NULL,
    revoked_at      timestamptz
);

-- kind 'api': long-lived token of a habilitation; kind 'oauth': short-lived access token.
-- ends_at is when the token stops being accepted: exp, or earlier once a prolongation replaced it.
-- token_value_enc keeps the JWT (encrypted) only until the partner's one-time retrieval.
CREATE TABLE tokens (
    jti               uuid PRIMARY KEY,
    habilitation_id   uuid        NOT NULL REFERENCES habilitations (id),
    kind              varchar(8)  NOT NULL CHECK (kind IN ('api', 'oauth')),
    oauth_client_id   varchar(64) REFERENCES oauth_clients (client_id),
    kid               varchar(64) NOT NULL,
    scopes            text        NOT NULL,
    issued_at         timestamptz NOT NULL,
    expires_at        timestamptz NOT NULL,
    ends_at           timestamptz NOT NULL,
    revoked_at        timestamptz,
    revocation_reason text,
    replaced_by       uuid,
    token_value_enc   text,
    retrieved_at      timestamptz
);
CREATE INDEX tokens_habilitation ON tokens (habilitation_id);
CREATE INDEX tokens_live ON tokens (ends_at) WHERE revoked_at IS NULL;

-- One row per (token, threshold): the expiry notice job's memory across restarts.
CREATE TABLE token_notices (
    token_jti      uuid        NOT NULL REFERENCES tokens (jti),
    threshold_days integer     NOT NULL,
    outcome        varchar(16) NOT NULL CHECK (outcome IN ('sent', 'superseded')),
    recorded_at    timestamptz NOT NULL,
    PRIMARY KEY (token_jti, threshold_days)
);

-- Private keys are stored encrypted (AES-256-GCM, key = guichet.token.keys.master-key, AAD = kid).
CREATE TABLE signing_keys (
    kid             varchar(64) PRIMARY KEY,
    algorithm       varchar(8)  NOT NULL,
    public_jwk      text        NOT NULL,
    private_key_enc text        NOT NULL,
    created_at      timestamptz NOT NULL,
    retired_at      timestamptz
);

CREATE TABLE admin_audit_events (
    id          uuid PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    actor       text        NOT NULL,
    action      varchar(64) NOT NULL,
    target_type varchar(32) NOT NULL,
    target_id   text        NOT NULL,
    reason      text,
    details     text
);
CREATE INDEX admin_audit_events_target ON admin_audit_events (target_type, target_id);

-- Admin traces waiting for trace-service; written in the same transaction as the action.
CREATE TABLE trace_outbox (
    id           uuid PRIMARY KEY,
    event        text        NOT NULL,
    created_at   timestamptz NOT NULL,
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text,
    delivered_at timestamptz
);
CREATE INDEX trace_outbox_pending ON trace_outbox (created_at) WHERE delivered_at IS NULL;

-- Partner login links: only the SHA-256 of the link's secret is kept; single use.
CREATE TABLE magic_links (
    token_hash      varchar(64) PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisations (id),
    email           text        NOT NULL,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz
);
