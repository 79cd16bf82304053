-- The operator's incident switch, set through PUT /admin/incident. One row at most (id = 1):
-- PostgreSQL is the authority, Redis (guichet:incident) only a copy the gateways read.
-- cut_providers is a comma-separated list of provider keys (keys never contain a comma).
CREATE TABLE incident_switch (
    id             smallint    PRIMARY KEY CHECK (id = 1),
    data_plane_cut boolean     NOT NULL,
    cut_providers  text        NOT NULL,
    retry_in       integer     NOT NULL CHECK (retry_in > 0),
    reason         text        NOT NULL,
    updated_at     timestamptz NOT NULL,
    updated_by     text        NOT NULL
);
