-- Availability of each provider per day (Europe/Paris), counted minute by minute from the
-- gateway's /pings. One row per provider and day: every replica's recorder may write the same
-- minute, and the upsert counts it only when it is newer than last_minute (idempotent).
-- Kept 100 days (the status page shows 90).
create table provider_availability (
    provider            text        not null,
    day                 date        not null,
    up_minutes          integer     not null default 0,
    down_minutes        integer     not null default 0,
    maintenance_minutes integer     not null default 0,
    last_minute         timestamptz not null,
    primary key (provider, day)
);

create index provider_availability_day on provider_availability (day);
