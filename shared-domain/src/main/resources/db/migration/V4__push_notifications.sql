-- Push notifications: devices, the consent ledger, quiet hours, the notification pipeline
-- (job event -> decision -> one outbox row per device -> dispatcher) and its dead letters.
-- A recipient is a customer or a staff member: exactly one of customer_id / staff_id is set and
-- person_id repeats it, so that the pipeline can ask "whose?" with one column.

-- Replays of creating requests: a key sent again returns the first answer and changes nothing.
create table idempotency_key (
    garage_id        uuid        not null references garage (id),
    actor_subject    text        not null,
    key              text        not null check (length(key) between 1 and 255),
    operation        text        not null check (length(operation) between 1 and 100),
    request_hash     text        not null,
    response_status  integer,
    response_body    jsonb,
    created_at       timestamptz not null default now(),
    primary key (garage_id, actor_subject, key)
);
create index idempotency_key_created_idx on idempotency_key (created_at);

create table push_device (
    id                   uuid primary key,
    garage_id            uuid        not null references garage (id),
    customer_id          uuid,
    staff_id             uuid,
    person_id            uuid        generated always as (coalesce(customer_id, staff_id)) stored,
    platform             text        not null check (platform in ('ANDROID', 'IOS', 'WEB')),
    -- The FCM registration token, the APNs device token, or the Web Push endpoint URL.
    token                text        not null check (length(token) between 1 and 2048),
    web_push_p256dh      text        check (length(web_push_p256dh) between 80 and 100),
    web_push_auth        text        check (length(web_push_auth) between 16 and 32),
    app_version          text        not null check (length(app_version) between 1 and 40),
    os_version           text        not null check (length(os_version) between 1 and 40),
    locale               text        not null check (length(locale) between 2 and 35),
    time_zone            text        not null check (length(time_zone) between 1 and 64),
    active               boolean     not null default true,
    deactivated_at       timestamptz,
    deactivation_reason  text        check (deactivation_reason in
                             ('UNREGISTERED', 'MOVED', 'PROVIDER_REJECTED')),
    version              bigint      not null default 0,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    check (num_nonnulls(customer_id, staff_id) = 1),
    check ((platform = 'WEB') = (web_push_p256dh is not null and web_push_auth is not null)),
    check (active = (deactivated_at is null) and active = (deactivation_reason is null)),
    unique (garage_id, id),
    foreign key (garage_id, customer_id) references customer (garage_id, id),
    foreign key (garage_id, staff_id) references staff (garage_id, id)
);
-- A token reaches one phone, so it belongs to one person: registering it elsewhere moves it.
create unique index push_device_token_idx on push_device (platform, token) where active;
create index push_device_person_idx on push_device (person_id, created_at desc, id desc);

-- The consent ledger: every grant and withdrawal, never changed; the latest row per person and
-- category is the current state.
create table notification_consent (
    id              bigserial primary key,
    garage_id       uuid        not null references garage (id),
    customer_id     uuid,
    staff_id        uuid,
    person_id       uuid        generated always as (coalesce(customer_id, staff_id)) stored,
    category        text        not null check (category in
                        ('JOB_STATUS', 'APPROVALS', 'CHAT', 'PAYMENTS', 'APPOINTMENT_REMINDERS', 'MARKETING')),
    granted         boolean     not null,
    source_app      text        not null check (source_app in ('customer-app', 'technician-app')),
    source_screen   text        not null check (length(source_screen) between 1 and 100),
    policy_version  text        not null check (length(policy_version) between 1 and 40),
    device_id       text,
    request_id      text,
    recorded_at     timestamptz not null default now(),
    check (num_nonnulls(customer_id, staff_id) = 1),
    foreign key (garage_id, customer_id) references customer (garage_id, id),
    foreign key (garage_id, staff_id) references staff (garage_id, id)
);
create index notification_consent_person_idx on notification_consent (person_id, category, id desc);

create trigger notification_consent_append_only before update or delete on notification_consent
    for each row execute function refuse_change();

-- Per-person settings beside the ledger; its version guards the whole preferences document.
create table notification_settings (
    id               uuid primary key,
    garage_id        uuid        not null references garage (id),
    customer_id      uuid,
    staff_id         uuid,
    person_id        uuid        generated always as (coalesce(customer_id, staff_id)) stored,
    quiet_start      time,
    quiet_end        time,
    quiet_time_zone  text        check (length(quiet_time_zone) between 1 and 64),
    version          bigint      not null default 0,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    check (num_nonnulls(quiet_start, quiet_end, quiet_time_zone) in (0, 3)),
    check (quiet_start is null or quiet_start <> quiet_end),
    check (num_nonnulls(customer_id, staff_id) = 1),
    unique (person_id),
    foreign key (garage_id, customer_id) references customer (garage_id, id),
    foreign key (garage_id, staff_id) references staff (garage_id, id)
);

-- Job events still to be turned into notifications. Filled in the event's own transaction, so a
-- committed event is always here; deciders of every pod claim rows with "skip locked".
create table notification_pending_event (
    job_event_id     bigint      primary key references job_event (id),
    garage_id        uuid        not null references garage (id),
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null default now(),
    last_error       text,
    decided_at       timestamptz
);
create index notification_pending_event_due_idx on notification_pending_event (next_attempt_at, job_event_id)
    where decided_at is null;

create function notification_enqueue_job_event() returns trigger language plpgsql as $$
begin
    insert into notification_pending_event (job_event_id, garage_id) values (new.id, new.garage_id);
    return new;
end;
$$;

create trigger job_event_notification after insert on job_event
    for each row execute function notification_enqueue_job_event();

-- Appointments whose reminder was decided, once per appointment and start time.
create table appointment_reminder (
    appointment_id  uuid        not null,
    starts_at       timestamptz not null,
    garage_id       uuid        not null,
    decided_at      timestamptz not null default now(),
    primary key (appointment_id, starts_at),
    foreign key (garage_id, appointment_id) references appointment (garage_id, id) on delete cascade
);

-- One row per notification and device: what to send, and where its delivery stands.
create table notification_outbox (
    id                   bigserial primary key,
    garage_id            uuid        not null references garage (id),
    device_id            uuid        not null,
    person_id            uuid        not null,
    -- The notification this row delivers: a job event or a reminder. With device_id, the real
    -- guard against notifying twice.
    dedupe_key           text        not null check (length(dedupe_key) between 1 and 200),
    job_event_id         bigint      references job_event (id),
    category             text        not null check (category in
                             ('JOB_STATUS', 'APPROVALS', 'CHAT', 'PAYMENTS', 'APPOINTMENT_REMINDERS', 'MARKETING')),
    priority             text        not null check (priority in ('HIGH', 'NORMAL')),
    collapse_key         text        check (length(collapse_key) between 1 and 64),
    -- Orders notifications that share a collapse key: a higher rank supersedes a lower one.
    rank                 bigint      not null,
    language             text        not null,
    title                text        not null check (length(title) between 1 and 200),
    body                 text        not null check (length(body) between 1 and 1000),
    data                 jsonb       not null,
    ttl_seconds          integer     not null check (ttl_seconds > 0),
    expires_at           timestamptz not null,
    status               text        not null default 'PENDING' check (status in
                             ('PENDING', 'SENDING', 'SENT', 'SUPERSEDED', 'WITHDRAWN', 'EXPIRED',
                              'DEVICE_GONE', 'DEAD')),
    attempts             integer     not null default 0 check (attempts >= 0),
    next_attempt_at      timestamptz not null,
    lease_until          timestamptz,
    held_until           timestamptz,
    sent_at              timestamptz,
    provider_message_id  text,
    last_error           text,
    created_at           timestamptz not null,
    unique (dedupe_key, device_id),
    foreign key (garage_id, device_id) references push_device (garage_id, id)
);
create index notification_outbox_due_idx on notification_outbox (next_attempt_at, id)
    where status in ('PENDING', 'SENDING');
create index notification_outbox_sent_idx on notification_outbox (person_id, sent_at) where status = 'SENT';
create index notification_outbox_collapse_idx on notification_outbox (device_id, collapse_key)
    where status = 'PENDING';

-- Notifications that failed for good; an admin of the garage lists and replays them.
create table notification_dead_letter (
    id           uuid primary key,
    garage_id    uuid        not null references garage (id),
    outbox_id    bigint      not null references notification_outbox (id),
    reason       text        not null check (length(reason) between 1 and 1000),
    attempts     integer     not null,
    dead_at      timestamptz not null,
    replayed_at  timestamptz,
    replayed_by  text,
    check ((replayed_at is null) = (replayed_by is null))
);
create index notification_dead_letter_garage_idx on notification_dead_letter (garage_id, dead_at desc, id desc);
