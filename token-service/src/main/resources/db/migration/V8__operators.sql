-- Named operator accounts of the console (admin: instructs habilitations, manages tokens and keys;
-- auditor: reads everything, changes nothing). They log in by e-mailed link; the bootstrap secret
-- only creates the first of them. A deactivated operator keeps its row, so the audit trail still
-- names a known person.
CREATE TABLE operators (
    id         uuid PRIMARY KEY,
    email      text        NOT NULL UNIQUE,
    name       text        NOT NULL,
    role       text        NOT NULL CHECK (role IN ('admin', 'auditor')),
    active     boolean     NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL
);

-- An operator's login link: only the SHA-256 of its secret is stored; single use, short-lived.
CREATE TABLE operator_links (
    token_hash  varchar(64) PRIMARY KEY,
    operator_id uuid        NOT NULL REFERENCES operators (id),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX operator_links_expires_at ON operator_links (expires_at);
