-- One outbox for every kind of outbound work: push notifications today, payment calls, partner
-- requests and webhook deliveries next. Each kind has a handler (docs/outbox.md); the outbox
-- claims, leases, retries, expires and dead-letters its items. The rows of notification_outbox
-- and notification_dead_letter move here (ids kept), their push specifics into the payload, and
-- notification_outbox stays as a view of the notification kind.

create table outbound_work (
    id               bigserial primary key,
    kind             text        not null check (length(kind) between 1 and 50),
    garage_id        uuid        not null references garage (id),
    -- With kind, the guard against doing the same work twice (a redelivered event, a second decider).
    dedupe_key       text        not null check (length(dedupe_key) between 1 and 300),
    -- What a handler may pause as a whole: a push provider without credentials, a partner.
    route            text        check (length(route) between 1 and 100),
    payload          jsonb       not null,
    status           text        not null default 'PENDING' check (status in
                         ('PENDING', 'SENDING', 'DELIVERED', 'DROPPED', 'EXPIRED', 'DEAD')),
    -- The handler's word for a DROPPED item (WITHDRAWN, DEVICE_GONE, SUPERSEDED for notifications).
    closed_as        text        check (length(closed_as) between 1 and 40),
    attempts         integer     not null default 0 check (attempts >= 0),
    next_attempt_at  timestamptz not null,
    -- When a handler last held the item back without a failure (quiet hours, a rate limit).
    held_until       timestamptz,
    lease_until      timestamptz,
    ttl_seconds      integer     not null check (ttl_seconds > 0),
    expires_at       timestamptz not null,
    last_error       text,
    -- The remote's id for the delivered work (a provider's message id).
    receipt          text,
    created_at       timestamptz not null,
    done_at          timestamptz,
    unique (kind, dedupe_key),
    check ((status = 'DROPPED') = (closed_as is not null))
);
create index outbound_work_due_idx on outbound_work (next_attempt_at, id) where status in ('PENDING', 'SENDING');
-- The notification handler's rate limit and collapse keys read these.
create index outbound_work_notification_sent_idx on outbound_work ((payload->>'personId'), done_at)
    where kind = 'notification' and status = 'DELIVERED';
create index outbound_work_notification_collapse_idx on outbound_work ((payload->>'deviceId'), (payload->>'collapseKey'))
    where kind = 'notification';

create table outbound_dead_letter (
    id           uuid primary key,
    garage_id    uuid        not null references garage (id),
    work_id      bigint      not null references outbound_work (id),
    kind         text        not null,
    reason       text        not null check (length(reason) between 1 and 1000),
    attempts     integer     not null,
    dead_at      timestamptz not null,
    replayed_at  timestamptz,
    replayed_by  text,
    check ((replayed_at is null) = (replayed_by is null))
);
create index outbound_dead_letter_garage_idx on outbound_dead_letter (garage_id, kind, dead_at desc, id desc);

insert into outbound_work (id, kind, garage_id, dedupe_key, route, payload, status, closed_as, attempts,
        next_attempt_at, held_until, lease_until, ttl_seconds, expires_at, last_error, receipt, created_at, done_at)
select o.id, 'notification', o.garage_id, o.dedupe_key || '@' || o.device_id, d.platform,
       jsonb_strip_nulls(jsonb_build_object('notificationKey', o.dedupe_key, 'deviceId', o.device_id,
           'personId', o.person_id, 'platform', d.platform, 'jobEventId', o.job_event_id, 'category', o.category,
           'priority', o.priority, 'collapseKey', o.collapse_key, 'rank', o.rank, 'language', o.language,
           'title', o.title, 'body', o.body)) || jsonb_build_object('data', o.data),
       case when o.status = 'SENT' then 'DELIVERED'
            when o.status in ('SUPERSEDED', 'WITHDRAWN', 'DEVICE_GONE') then 'DROPPED'
            else o.status end,
       case when o.status in ('SUPERSEDED', 'WITHDRAWN', 'DEVICE_GONE') then o.status end,
       o.attempts, o.next_attempt_at, o.held_until, o.lease_until, o.ttl_seconds, o.expires_at, o.last_error,
       o.provider_message_id, o.created_at, o.sent_at
from notification_outbox o
join push_device d on d.id = o.device_id;

select setval(pg_get_serial_sequence('outbound_work', 'id'), coalesce((select max(id) from outbound_work), 1),
              (select count(*) > 0 from outbound_work));

insert into outbound_dead_letter (id, garage_id, work_id, kind, reason, attempts, dead_at, replayed_at, replayed_by)
select id, garage_id, outbox_id, 'notification', reason, attempts, dead_at, replayed_at, replayed_by
from notification_dead_letter;

drop table notification_dead_letter;
drop table notification_outbox;

-- Push notifications as they always read: one row per notification and device, with their statuses.
create view notification_outbox as
select w.id, w.garage_id, (w.payload->>'deviceId')::uuid as device_id, (w.payload->>'personId')::uuid as person_id,
       w.payload->>'notificationKey' as dedupe_key, (w.payload->>'jobEventId')::bigint as job_event_id,
       w.payload->>'category' as category, w.payload->>'priority' as priority,
       w.payload->>'collapseKey' as collapse_key, (w.payload->>'rank')::bigint as rank,
       w.payload->>'language' as language, w.payload->>'title' as title, w.payload->>'body' as body,
       w.payload->'data' as data, w.ttl_seconds, w.expires_at,
       case w.status when 'DELIVERED' then 'SENT' when 'DROPPED' then w.closed_as else w.status end as status,
       w.attempts, w.next_attempt_at, w.lease_until, w.held_until,
       case when w.status = 'DELIVERED' then w.done_at end as sent_at, w.receipt as provider_message_id,
       w.last_error, w.created_at
from outbound_work w
where w.kind = 'notification';
