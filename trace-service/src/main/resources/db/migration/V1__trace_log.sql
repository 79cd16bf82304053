-- The trace log. Events are partitioned by month of their timestamp; partitions are created
-- ahead of time by trace-service (trace_ensure_partition) and dropped whole by retention.
create table trace_event (
    id              uuid        not null,
    ts              timestamptz not null,
    kind            text        not null,
    request_id      text,
    token_jti       text,
    habilitation_id text,
    partner_siret   text,
    api_kind        text,
    method          text,
    operation_id    text,
    path            text,
    parameters      jsonb,
    client_ip       text,
    user_agent      text,
    status          integer     not null,
    error_code      text,
    provider        text,
    latency_ms      bigint,
    actor           text,
    action          text,
    reason          text,
    -- identifiers pulled out of the path and parameters for auditors' searches
    siren           text,
    siret           text,
    recipient       text,
    batch_id        bigint      not null,
    received_at     timestamptz not null default now(),
    -- a unique key on a partitioned table must hold the partition key; an event id is bound to
    -- its timestamp (UUID v7), and a re-sent event carries both unchanged
    primary key (id, ts)
) partition by range (ts);

create index trace_event_token_ts on trace_event (token_jti, ts desc);
create index trace_event_partner_ts on trace_event (partner_siret, ts);
create index trace_event_siren_ts on trace_event (siren, ts) where siren is not null;
create index trace_event_siret_ts on trace_event (siret, ts) where siret is not null;
create index trace_event_recipient_ts on trace_event (recipient, ts) where recipient is not null;
create index trace_event_batch on trace_event (batch_id, id);
create index trace_event_ts on trace_event (ts);

-- Creates the partition of the month holding p_day if absent; returns its name.
create or replace function trace_ensure_partition(p_day date) returns text
language plpgsql as $$
declare
    m_start date := date_trunc('month', p_day)::date;
    m_end   date := (date_trunc('month', p_day) + interval '1 month')::date;
    p_name  text := 'trace_event_' || to_char(m_start, 'YYYY_MM');
begin
    if to_regclass(p_name) is null then
        execute format('create table if not exists %I partition of trace_event for values from (%L) to (%L)',
                       p_name, m_start::timestamptz, m_end::timestamptz);
    end if;
    return p_name;
end $$;

-- Hash chain: one chain per month partition; each ingested batch (per month) is one link.
create table trace_chain (
    month     date   primary key,
    head_seq  bigint not null,
    head_hash bytea  not null
);

create table trace_batch (
    id          bigserial   primary key,
    month       date        not null,
    seq         bigint      not null,
    received_at timestamptz not null,
    client      text        not null,
    event_count integer     not null,
    first_ts    timestamptz not null,
    last_ts     timestamptz not null,
    -- per event, in id order: 16 bytes of id then the 32-byte SHA-256 of the stored row
    entries     bytea       not null,
    prev_hash   bytea       not null,
    hash        bytea       not null,
    unique (month, seq)
);

-- Purges (partition drops, idle-token erasures), chained too, and the erased event ids.
create table trace_purge (
    id          bigserial   primary key,
    purged_at   timestamptz not null,
    kind        text        not null,
    scope       text        not null,
    range_from  timestamptz,
    range_to    timestamptz,
    row_count   bigint      not null,
    ids_digest  bytea       not null,
    prev_hash   bytea       not null,
    hash        bytea       not null
);

create table trace_erasure (
    event_id uuid   primary key,
    purge_id bigint not null references trace_purge (id)
);
create index trace_erasure_purge on trace_erasure (purge_id);

-- Daily (and post-purge) seals: chain heads and purge head, signed by trace-service.
create table trace_seal (
    id         bigserial   primary key,
    sealed_at  timestamptz not null,
    heads      text        not null,
    purge_head bytea       not null,
    prev_hash  bytea       not null,
    hash       bytea       not null,
    public_key bytea       not null,
    signature  bytea       not null
);

-- Rollup for partners' statistics, maintained in the ingestion transaction.
create table trace_stats_daily (
    token_jti    text    not null,
    day          date    not null,
    operation_id text    not null,
    status       integer not null,
    count        bigint  not null,
    primary key (token_jti, day, operation_id, status)
);

-- Last use of each token: ownership checks and idle-token erasure without scanning events.
create table trace_token_activity (
    token_jti     text        primary key,
    api_kind      text,
    partner_siret text,
    first_seen    timestamptz not null,
    last_seen     timestamptz not null
);
create index trace_token_activity_idle on trace_token_activity (api_kind, last_seen);
