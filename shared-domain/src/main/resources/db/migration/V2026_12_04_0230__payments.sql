-- Payment preparation (docs/payments.md): the garage's deposit rule, payments through a provider,
-- the provider's webhook events as received, and pay-by-link tokens.

create table garage_payment_settings (
    garage_id           uuid primary key references garage (id),
    deposit_rule        text        not null default 'NONE' check (deposit_rule in ('NONE', 'PERCENTAGE', 'FIXED')),
    deposit_percent_bp  integer     not null default 0 check (deposit_percent_bp between 0 and 10000),
    deposit_fixed_minor bigint      not null default 0 check (deposit_fixed_minor >= 0),
    version             bigint      not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);

create table payment (
    id                 uuid primary key,
    garage_id          uuid        not null references garage (id),
    job_id             uuid        not null references job_card (id),
    customer_id        uuid        not null references customer (id),
    purpose            text        not null check (purpose in ('DEPOSIT', 'BALANCE')),
    channel            text        not null check (channel in ('APP', 'LINK')),
    amount_minor       bigint      not null check (amount_minor > 0),
    currency           text        not null check (currency ~ '^[A-Z]{3}$'),
    status             text        not null check (status in ('CREATED', 'AWAITING_METHOD', 'ACTION_REQUIRED',
                           'PROCESSING', 'FAILED', 'HELD', 'SUCCEEDED', 'CANCELED')),
    manual_capture     boolean     not null,
    provider           text        not null,
    provider_intent_id text unique,
    -- The key every create call for this payment carries, so a retry replays the first call.
    idempotency_key    text        not null unique,
    status_at          timestamptz not null,
    capture_before     timestamptz,
    hold_flagged_at    timestamptz,
    last_error         text,
    version            bigint      not null default 0,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);
-- One payment in flight per job and purpose: two concurrent pays of one invoice share it.
create unique index payment_one_open on payment (job_id, purpose)
    where status in ('CREATED', 'AWAITING_METHOD', 'ACTION_REQUIRED', 'PROCESSING', 'FAILED');
create index payment_of_customer on payment (garage_id, customer_id, created_at desc);
create index payment_unsettled on payment (status, status_at)
    where status in ('AWAITING_METHOD', 'ACTION_REQUIRED', 'PROCESSING', 'HELD');

create table payment_provider_event (
    provider    text        not null,
    event_id    text        not null,
    type        text        not null,
    intent_id   text,
    payload     jsonb       not null,
    created_at  timestamptz not null,
    received_at timestamptz not null,
    primary key (provider, event_id)
);

create table payment_link (
    id           uuid primary key,
    garage_id    uuid        not null references garage (id),
    job_id       uuid        not null references job_card (id),
    purpose      text        not null check (purpose in ('DEPOSIT', 'BALANCE')),
    amount_minor bigint      not null check (amount_minor > 0),
    currency     text        not null,
    -- SHA-256 of the token the link carries; the token itself is never stored.
    token_hash   text        not null unique,
    expires_at   timestamptz not null,
    used_at      timestamptz,
    payment_id   uuid references payment (id),
    created_by   text        not null,
    created_at   timestamptz not null
);
