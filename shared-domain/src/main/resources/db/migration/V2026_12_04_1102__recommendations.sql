-- Recommendations for a vehicle, each with its reasons and evidence, and what people did with them.
create table recommendation (
    id             uuid primary key,
    garage_id      uuid        not null,
    vehicle_id     uuid        not null,
    customer_id    uuid        not null,
    kind           text        not null check (kind in ('SERVICE_DUE', 'DECLINED_FOLLOW_UP', 'SAFETY_RECALL')),
    -- What it is about, stable across refreshes: 'service:oil', 'declined:<line id>', 'recall:<id>'.
    subject        text        not null check (length(subject) between 1 and 120),
    title          text        not null check (length(title) between 1 and 200),
    reasons        jsonb       not null,
    evidence       jsonb       not null,
    due_on         date,
    status         text        not null check (status in ('OPEN', 'DISMISSED', 'SNOOZED', 'ACCEPTED', 'BOOKED', 'RESOLVED')),
    quiet_until    timestamptz,
    shown_at       timestamptz,
    pushed_at      timestamptz,
    version        bigint      not null default 0,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    unique (garage_id, vehicle_id, subject),
    foreign key (garage_id, vehicle_id) references vehicle (garage_id, id) on delete cascade
);
create index recommendation_customer_idx on recommendation (garage_id, customer_id, status);

-- Every outcome, so that the measures count each step once per recommendation and week.
create table recommendation_outcome (
    id                 bigserial primary key,
    garage_id          uuid        not null,
    recommendation_id  uuid        not null references recommendation (id) on delete cascade,
    kind               text        not null,
    outcome            text        not null check (outcome in ('SHOWN', 'ACCEPTED', 'BOOKED', 'DISMISSED', 'SNOOZED', 'PUSHED')),
    at                 timestamptz not null
);
create index recommendation_outcome_garage_idx on recommendation_outcome (garage_id, at);

-- The learned model: association rules from the garage's closed jobs, one version per training.
create table recommendation_model (
    id          uuid primary key,
    garage_id   uuid        not null references garage (id),
    version     integer     not null check (version > 0),
    trained_at  timestamptz not null,
    jobs_used   integer     not null,
    rule_count  integer     not null,
    unique (garage_id, version)
);
create table recommendation_rule (
    model_id          uuid             not null references recommendation_model (id) on delete cascade,
    antecedent        text             not null,
    consequent        text             not null,
    together          integer          not null,
    antecedent_count  integer          not null,
    confidence        double precision not null,
    lift              double precision not null,
    primary key (model_id, antecedent, consequent)
);

-- SERVICE_REMINDERS: a service coming due on the customer's vehicle, not a repair they already have with
-- the garage, so not operational (its own opt-in). SAFETY: recalls and safety items, operational.
insert into notification_category (name) values ('SERVICE_REMINDERS'), ('SAFETY') on conflict do nothing;
