-- Planned technical changes, announced to partners ahead of their production date. Guichet refuses
-- a date closer than the longest notice period of the affected APIs and operations (API Particulier
-- six months, ENSU operations 14 French working days, otherwise guichet.token.changes.notice.default).
-- apis and operations are comma-separated lists (api kinds, operation declaration ids), either may be
-- empty but not both. urgent: an emergency change (ENSU terms: 7 working days instead of 14; API
-- Particulier's terms know no emergency, its six months still apply).
CREATE TABLE planned_changes (
    id               uuid PRIMARY KEY,
    title            text        NOT NULL,
    description      text        NOT NULL,
    apis             text        NOT NULL,
    operations       text        NOT NULL,
    production_date  date        NOT NULL,
    urgent           boolean     NOT NULL DEFAULT false,
    earliest_date    date        NOT NULL,
    announced_at     timestamptz NOT NULL,
    announced_by     text        NOT NULL
);
CREATE INDEX planned_changes_production_date ON planned_changes (production_date DESC, announced_at DESC);

-- Who was told of which change, and when: one row per technical contact address (each told once,
-- whatever the number of its habilitations using an affected operation). sent_at stays null until
-- the mail has left; attempted_at is the claim of the instance sending it (a failed mail is retried).
CREATE TABLE change_notices (
    change_id        uuid        NOT NULL REFERENCES planned_changes (id),
    email            text        NOT NULL,
    habilitation_ids text        NOT NULL,
    recorded_at      timestamptz NOT NULL,
    attempted_at     timestamptz,
    attempts         integer     NOT NULL DEFAULT 0,
    sent_at          timestamptz,
    last_error       text,
    PRIMARY KEY (change_id, email)
);
CREATE INDEX change_notices_pending ON change_notices (recorded_at) WHERE sent_at IS NULL;
