-- Offline writes: one row per client mutation a person's app queued and sent. An applied mutation's
-- row is written in the transaction of the change it records; a refused one's on its own. A replay
-- of the same client mutation id returns the stored result and changes nothing.

create table sync_mutation (
    person_id           uuid        not null,
    client_mutation_id  uuid        not null,
    garage_id           uuid        not null references garage (id),
    actor_subject       text        not null check (length(actor_subject) between 1 and 255),
    device_id           text        not null check (device_id ~ '^[A-Za-z0-9._:-]{1,128}$'),
    entity              text        not null check (entity ~ '^[a-z][a-z-]{0,63}$'),
    operation           text        not null check (operation ~ '^[a-z][a-z-]{0,63}$'),
    entity_id           uuid        not null,
    request_hash        text        not null check (request_hash ~ '^[0-9a-f]{64}$'),
    outcome             text        not null check (outcome in ('applied', 'conflict', 'rejected')),
    result              jsonb       not null,
    recorded_at         timestamptz not null default now(),
    -- A person's mutation ids are theirs alone: the same id from two people are two mutations.
    primary key (person_id, client_mutation_id)
);
create index sync_mutation_garage_idx on sync_mutation (garage_id, recorded_at);
