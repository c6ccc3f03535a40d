-- Mobile analytics (docs/analytics.md): registered event schemas, the events themselves partitioned by
-- the day they were received, the ids seen (deduplication), and the feed cursor of the server's facts.

create table analytics_schema (
    name        text primary key check (name ~ '^[a-z][a-z0-9_.-]{1,63}$'),
    version     integer not null default 1,
    -- who sends it: the apps ('app') or the server from what it knows ('server')
    source      text not null check (source in ('app', 'server')),
    -- the property naming the journey an event belongs to (a job, an appointment, a push), if any
    journey_key text,
    -- {"jobId": {"type": "uuid", "required": true}, "screen": {"type": "token"}, ...}
    properties  jsonb not null default '{}',
    active      boolean not null default true,
    updated_at  timestamptz not null default now()
);

create table analytics_event (
    id          uuid not null,
    received_at timestamptz not null,
    occurred_at timestamptz not null,
    name        text not null,
    source      text not null,
    garage_id   uuid not null,
    user_key    text,
    app         text,
    platform    text,
    app_version text,
    client_time timestamptz,
    offline     boolean not null default false,
    journey_id  uuid,
    properties  jsonb not null default '{}'
) partition by range (received_at);

-- Catches what no day partition holds (a clock far off); maintenance trims it like the days.
create table analytics_event_default partition of analytics_event default;
create index analytics_event_journey on analytics_event (garage_id, journey_id, name) where journey_id is not null;
create index analytics_event_name_time on analytics_event (garage_id, name, occurred_at);

-- Event ids seen, kept longer than the late bound, so a resent event is stored once.
create table analytics_event_id (
    id      uuid primary key,
    seen_at timestamptz not null
);
create index analytics_event_id_seen on analytics_event_id (seen_at);

create table analytics_feed_cursor (
    name    text primary key,
    last_id bigint not null
);
insert into analytics_feed_cursor (name, last_id) select 'job_event', coalesce(max(id), 0) from job_event;

-- Day partitions from the day before `today` to `ahead` days after it; partitions older than
-- `keep_days` are dropped. A day that cannot be created (the default partition holds its rows) is skipped.
create function analytics_maintain_partitions(today date, ahead integer, keep_days integer) returns integer
language plpgsql as $$
declare
    day date;
    old record;
    dropped integer := 0;
begin
    for i in -1..ahead loop
        day := today + i;
        begin
            execute format('create table if not exists %I partition of analytics_event for values from (%L) to (%L)',
                'analytics_event_' || to_char(day, 'YYYYMMDD'),
                day::timestamp at time zone 'UTC', (day + 1)::timestamp at time zone 'UTC');
        exception when others then
            raise warning 'analytics partition % not created: %', day, sqlerrm;
        end;
    end loop;
    for old in select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
               join pg_class p on p.oid = i.inhparent
               where p.relname = 'analytics_event' and c.relname ~ '^analytics_event_[0-9]{8}$'
                 and to_date(substr(c.relname, 17), 'YYYYMMDD') < today - keep_days loop
        execute format('drop table %I', old.relname);
        dropped := dropped + 1;
    end loop;
    delete from analytics_event_default where received_at < (today - keep_days)::timestamp at time zone 'UTC';
    return dropped;
end $$;

select analytics_maintain_partitions(current_date, 3, 400);

-- The journeys' events. Types: uuid, token (a short code: letters, digits, . _ : -), enum (one of
-- "values"), integer, number, boolean, text (free text: only where a schema says so).
insert into analytics_schema (name, source, journey_key, properties) values
    ('session.started', 'app', null, '{"sessionId": {"type": "uuid", "required": true}}'),
    ('screen.viewed', 'app', null, '{"screen": {"type": "token", "required": true}, "sessionId": {"type": "uuid"}}'),
    ('estimate.published', 'server', 'jobId', '{"jobId": {"type": "uuid", "required": true}}'),
    ('estimate.viewed', 'app', 'jobId', '{"jobId": {"type": "uuid", "required": true}}'),
    ('estimate.approved', 'server', 'jobId',
        '{"jobId": {"type": "uuid", "required": true}, "approvedGrossMinor": {"type": "integer"}}'),
    ('payment.succeeded', 'server', 'jobId',
        '{"jobId": {"type": "uuid", "required": true}, "purpose": {"type": "token"}, "amountMinor": {"type": "integer"}}'),
    ('job.status-changed', 'server', 'jobId',
        '{"jobId": {"type": "uuid", "required": true}, "from": {"type": "token"}, "to": {"type": "token", "required": true}}'),
    ('job.clocked-on', 'server', 'jobId', '{"jobId": {"type": "uuid", "required": true}}'),
    ('inspection.published', 'server', 'jobId', '{"jobId": {"type": "uuid", "required": true}}'),
    ('appointment.requested', 'app', 'appointmentId', '{"appointmentId": {"type": "uuid", "required": true}}'),
    ('appointment.confirmed', 'app', 'appointmentId', '{"appointmentId": {"type": "uuid", "required": true}}'),
    ('appointment.checked-in', 'app', 'appointmentId', '{"appointmentId": {"type": "uuid", "required": true}}'),
    ('push.sent', 'server', 'pushId', '{"pushId": {"type": "uuid", "required": true}, "category": {"type": "token"}}'),
    ('push.opened', 'app', 'pushId', '{"pushId": {"type": "uuid", "required": true}, "category": {"type": "token"}}');
