-- Partner marketplaces (docs/partners.md): the partners a garage offers, each customer's consent to
-- share data with one, roadside requests with their live events, partner webhooks stored once, and
-- recall data cached per make, model and year.

-- The partners a garage offers, with what it tells the customer before they consent.
create table garage_partner (
    garage_id     uuid        not null references garage (id),
    partner       text        not null check (partner ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
    kind          text        not null check (kind in ('ROADSIDE', 'RECALLS')),
    display_name  text        not null check (length(display_name) between 1 and 100),
    terms         text        not null check (length(terms) between 1 and 4000),
    data_shared   text[]      not null,
    enabled       boolean     not null default true,
    primary key (garage_id, partner)
);

-- Append-only: the latest row per customer and partner is the decision in force.
create table partner_consent (
    id            bigserial   primary key,
    garage_id     uuid        not null,
    customer_id   uuid        not null,
    partner       text        not null,
    granted       boolean     not null,
    data_shared   text[]      not null,
    terms_sha256  text        not null,
    recorded_at   timestamptz not null,
    foreign key (garage_id, customer_id) references customer (garage_id, id),
    foreign key (garage_id, partner) references garage_partner (garage_id, partner)
);
create index partner_consent_latest_idx on partner_consent (customer_id, partner, id desc);

create table roadside_request (
    id                 uuid        primary key,
    garage_id          uuid        not null,
    customer_id        uuid        not null,
    vehicle_id         uuid        not null,
    partner            text        not null,
    service            text        not null check (service in ('TOW', 'JUMP_START', 'FLAT_TYRE', 'LOCKOUT', 'FUEL')),
    status             text        not null check (status in ('REQUESTED', 'ACCEPTED', 'EN_ROUTE', 'ON_SITE',
                           'TOWING', 'COMPLETED', 'CANCELLED', 'GONE_ON_ARRIVAL', 'UNSUCCESSFUL')),
    latitude           double precision not null check (latitude between -90 and 90),
    longitude          double precision not null check (longitude between -180 and 180),
    address            text        check (length(address) <= 300),
    callback_phone     text        not null check (callback_phone ~ '^\+?[0-9 ()-]{5,20}$'),
    note               text        check (length(note) <= 500),
    tow_to_garage      boolean     not null default false,
    partner_reference  text        check (length(partner_reference) <= 100),
    eta_at             timestamptz,
    responder_latitude double precision,
    responder_longitude double precision,
    status_at          timestamptz not null,
    job_id             uuid,
    -- when the partner was last asked (polling), so that each pass asks the longest unasked first
    polled_at          timestamptz,
    idempotency_key    text        check (length(idempotency_key) <= 100),
    version            bigint      not null default 0,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    unique (garage_id, customer_id, idempotency_key),
    foreign key (garage_id, customer_id) references customer (garage_id, id),
    foreign key (garage_id, vehicle_id) references vehicle (garage_id, id),
    foreign key (garage_id, partner) references garage_partner (garage_id, partner),
    foreign key (garage_id, job_id) references job_card (garage_id, id)
);
create index roadside_request_customer_idx on roadside_request (customer_id, created_at desc);
create index roadside_request_open_idx on roadside_request (garage_id, status)
    where status not in ('COMPLETED', 'CANCELLED', 'GONE_ON_ARRIVAL', 'UNSUCCESSFUL');

-- The roadside topic of the live channel: ids from the one live sequence.
create table roadside_event (
    id               bigint      primary key default nextval('live_event_id'),
    garage_id        uuid        not null,
    customer_id      uuid        not null,
    request_id       uuid        not null references roadside_request (id),
    status           text        not null,
    previous_status  text,
    eta_at           timestamptz,
    tow_to_garage    boolean     not null,
    job_id           uuid,
    occurred_at      timestamptz not null,
    published_at     timestamptz
);
create index roadside_event_unpublished_idx on roadside_event (occurred_at) where published_at is null;
create index roadside_event_garage_idx on roadside_event (garage_id, id);

-- Partner webhooks, stored once by the partner's event id (a replay writes nothing).
create table partner_webhook_event (
    partner      text        not null,
    event_id     text        not null check (length(event_id) between 1 and 100),
    received_at  timestamptz not null,
    payload      jsonb       not null,
    primary key (partner, event_id)
);

-- NHTSA recalls per make, model and model year, kept a day; only answers are cached, never failures.
create table recall_cache (
    make         text        not null,
    model        text        not null,
    model_year   smallint    not null,
    fetched_at   timestamptz not null,
    recalls      jsonb       not null,
    primary key (make, model, model_year)
);

-- Which recall a vehicle's customer was told of (once), and the appointment asked for it (once).
create table vehicle_recall (
    vehicle_id      uuid        not null references vehicle (id),
    campaign        text        not null check (length(campaign) between 1 and 20),
    notified_at     timestamptz,
    appointment_id  uuid        references appointment (id),
    primary key (vehicle_id, campaign)
);

insert into notification_category (name) values ('SAFETY'), ('ROADSIDE') on conflict do nothing;
