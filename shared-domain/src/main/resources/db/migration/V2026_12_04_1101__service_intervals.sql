-- The garage's own service intervals by distance and time (recommendations). A garage without rows
-- uses the built-in defaults of ServiceIntervals until it saves its first one.
create table service_interval (
    garage_id    uuid        not null references garage (id),
    code         text        not null check (code ~ '^[a-z][a-z0-9-]{1,39}$'),
    name         text        not null check (length(name) between 1 and 120),
    distance_km  integer     check (distance_km between 100 and 500000),
    months       integer     check (months between 1 and 240),
    -- Words that mark the service as done when a closed job's step or approved line contains one.
    match_terms  text[]      not null check (cardinality(match_terms) between 1 and 10),
    version      bigint      not null default 0,
    updated_at   timestamptz not null,
    primary key (garage_id, code),
    check (distance_km is not null or months is not null)
);
