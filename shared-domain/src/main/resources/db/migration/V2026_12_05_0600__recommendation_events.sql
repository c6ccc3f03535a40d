-- New recommendations on the live channel as events of the topic "recommendation" (docs/recommendations.md#outputs),
-- written in the refresh's transaction like every topic's: each has its live event id, and an app that reconnects
-- with its last event id is sent the ones it missed.
create table recommendation_event (
    id                  bigint      primary key default nextval('live_event_id'),
    garage_id           uuid        not null,
    customer_id         uuid        not null,
    vehicle_id          uuid        not null references vehicle (id),
    recommendation_ids  uuid[]      not null,
    occurred_at         timestamptz not null,
    published_at        timestamptz
);
create index recommendation_event_unpublished_idx on recommendation_event (occurred_at) where published_at is null;
create index recommendation_event_garage_idx on recommendation_event (garage_id, id);
