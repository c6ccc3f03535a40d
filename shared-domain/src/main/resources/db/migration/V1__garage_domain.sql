-- The garage domain: tenants, people, vehicles, appointments and job cards.
-- Every tenant-owned row carries garage_id; composite foreign keys on (garage_id, id)
-- make it impossible for a row to point at another garage's data.

create table garage (
    id           uuid primary key,
    name         text        not null check (length(name) between 1 and 200),
    time_zone    text        not null check (length(time_zone) between 1 and 64),
    currency     char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    tax_rate_bp  integer     not null check (tax_rate_bp between 0 and 10000),
    version      bigint      not null default 0,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);

create table staff (
    id            uuid primary key,
    garage_id     uuid        not null references garage (id),
    oidc_subject  text        not null check (length(oidc_subject) between 1 and 255),
    role          text        not null check (role in ('TECHNICIAN', 'ADVISOR', 'ADMIN')),
    display_name  text        not null check (length(display_name) between 1 and 200),
    email         text        check (email is null or email ~ '^[^@\s]+@[^@\s]+$'),
    active        boolean     not null default true,
    version       bigint      not null default 0,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    unique (garage_id, oidc_subject),
    unique (garage_id, id)
);

create table customer (
    id                  uuid primary key,
    garage_id           uuid        not null references garage (id),
    oidc_subject        text        check (oidc_subject is null or length(oidc_subject) between 1 and 255),
    first_name          text        not null check (length(first_name) between 1 and 100),
    last_name           text        not null check (length(last_name) between 1 and 100),
    email               text        check (email is null or email ~ '^[^@\s]+@[^@\s]+$'),
    phone               text        check (phone is null or phone ~ '^\+?[0-9 ()-]{5,20}$'),
    preferred_language  text        not null default 'en' check (preferred_language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
    version             bigint      not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    unique (garage_id, oidc_subject),
    unique (garage_id, id)
);

create table vehicle (
    id                  uuid primary key,
    garage_id           uuid        not null references garage (id),
    customer_id         uuid        not null,
    vin                 char(17)    not null check (vin ~ '^[A-HJ-NPR-Z0-9]{17}$'),
    make                text        not null check (length(make) between 1 and 60),
    model               text        not null check (length(model) between 1 and 60),
    model_year          smallint    check (model_year between 1900 and 2100),
    registration_plate  text        check (length(registration_plate) between 1 and 20),
    colour              text        check (length(colour) between 1 and 40),
    mileage_km          integer     check (mileage_km >= 0),
    version             bigint      not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    unique (garage_id, vin),
    unique (garage_id, id),
    foreign key (garage_id, customer_id) references customer (garage_id, id)
);
create index vehicle_customer_idx on vehicle (customer_id);

create table appointment (
    id                 uuid primary key,
    garage_id          uuid        not null references garage (id),
    customer_id        uuid        not null,
    vehicle_id         uuid        not null,
    advisor_id         uuid,
    starts_at          timestamptz not null,
    ends_at            timestamptz not null,
    status             text        not null check (status in
                           ('REQUESTED', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED', 'CANCELLED', 'NO_SHOW')),
    service_requested  text        not null check (length(service_requested) between 1 and 2000),
    version            bigint      not null default 0,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    check (ends_at > starts_at),
    unique (garage_id, id),
    foreign key (garage_id, customer_id) references customer (garage_id, id),
    foreign key (garage_id, vehicle_id) references vehicle (garage_id, id),
    foreign key (garage_id, advisor_id) references staff (garage_id, id)
);
create index appointment_customer_idx on appointment (customer_id, starts_at);
create index appointment_garage_day_idx on appointment (garage_id, starts_at);

create table job_card (
    id              uuid primary key,
    garage_id       uuid        not null references garage (id),
    number          integer     not null check (number > 0),
    customer_id     uuid        not null,
    vehicle_id      uuid        not null,
    appointment_id  uuid,
    advisor_id      uuid,
    status          text        not null check (status in
                        ('OPEN', 'IN_PROGRESS', 'AWAITING_APPROVAL', 'AWAITING_PARTS',
                         'QUALITY_CHECK', 'READY_FOR_PICKUP', 'CLOSED', 'CANCELLED')),
    concern         text        not null check (length(concern) between 1 and 4000),
    promised_at     timestamptz,
    mileage_in_km   integer     check (mileage_in_km >= 0),
    last_event_seq  integer     not null default 0 check (last_event_seq >= 0),
    version         bigint      not null default 0,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    closed_at       timestamptz,
    check ((status in ('CLOSED', 'CANCELLED')) = (closed_at is not null)),
    unique (garage_id, number),
    unique (garage_id, id),
    foreign key (garage_id, customer_id) references customer (garage_id, id),
    foreign key (garage_id, vehicle_id) references vehicle (garage_id, id),
    foreign key (garage_id, appointment_id) references appointment (garage_id, id),
    foreign key (garage_id, advisor_id) references staff (garage_id, id)
);
create index job_card_customer_idx on job_card (customer_id, created_at desc);
create index job_card_garage_status_idx on job_card (garage_id, status);

create table job_assignment (
    job_id         uuid        not null,
    technician_id  uuid        not null,
    garage_id      uuid        not null,
    assigned_at    timestamptz not null default now(),
    primary key (job_id, technician_id),
    foreign key (garage_id, job_id) references job_card (garage_id, id) on delete cascade,
    foreign key (garage_id, technician_id) references staff (garage_id, id)
);
create index job_assignment_technician_idx on job_assignment (technician_id);

create table job_step (
    id            uuid primary key,
    garage_id     uuid        not null,
    job_id        uuid        not null,
    position      integer     not null check (position >= 0),
    title         text        not null check (length(title) between 1 and 200),
    status        text        not null check (status in ('PENDING', 'IN_PROGRESS', 'DONE', 'SKIPPED')),
    completed_at  timestamptz,
    completed_by  uuid,
    version       bigint      not null default 0,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    unique (job_id, position),
    foreign key (garage_id, job_id) references job_card (garage_id, id) on delete cascade,
    foreign key (garage_id, completed_by) references staff (garage_id, id)
);

create table estimate_line (
    id                uuid primary key,
    garage_id         uuid          not null,
    job_id            uuid          not null,
    position          integer       not null check (position >= 0),
    kind              text          not null check (kind in ('LABOUR', 'PART')),
    description       text          not null check (length(description) between 1 and 500),
    part_number       text          check (length(part_number) between 1 and 60),
    quantity          numeric(10,2) not null check (quantity > 0),
    unit_price_minor  bigint        not null check (unit_price_minor >= 0),
    cost_price_minor  bigint        check (cost_price_minor >= 0),
    tax_rate_bp       integer       not null check (tax_rate_bp between 0 and 10000),
    approval_status   text          not null default 'PENDING'
                          check (approval_status in ('PENDING', 'APPROVED', 'DECLINED')),
    decided_at        timestamptz,
    version           bigint        not null default 0,
    created_at        timestamptz   not null default now(),
    updated_at        timestamptz   not null default now(),
    check ((approval_status = 'PENDING') = (decided_at is null)),
    check (kind = 'PART' or part_number is null),
    unique (job_id, position),
    foreign key (garage_id, job_id) references job_card (garage_id, id) on delete cascade
);

create table job_note (
    id               uuid primary key,
    garage_id        uuid        not null,
    job_id           uuid        not null,
    author_staff_id  uuid        not null,
    visibility       text        not null check (visibility in ('INTERNAL', 'CUSTOMER')),
    body             text        not null check (length(body) between 1 and 4000),
    version          bigint      not null default 0,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    foreign key (garage_id, job_id) references job_card (garage_id, id) on delete cascade,
    foreign key (garage_id, author_staff_id) references staff (garage_id, id)
);
create index job_note_job_idx on job_note (job_id, created_at);

-- The job's timeline and the outbox: one row per change, written in the change's transaction.
create table job_event (
    id                bigserial primary key,
    garage_id         uuid        not null,
    job_id            uuid        not null,
    seq               integer     not null check (seq > 0),
    type              text        not null check (length(type) between 1 and 64),
    customer_visible  boolean     not null,
    payload           jsonb       not null,
    actor_subject     text        not null,
    actor_role        text        not null,
    occurred_at       timestamptz not null default now(),
    published_at      timestamptz,
    unique (job_id, seq),
    foreign key (garage_id, job_id) references job_card (garage_id, id)
);
create index job_event_unpublished_idx on job_event (id) where published_at is null;

-- The audit trail of mobile actions, hash-chained per garage.
create table audit_entry (
    id             bigserial primary key,
    garage_id      uuid        not null references garage (id),
    actor_subject  text        not null,
    actor_role     text        not null,
    device_id      text,
    client_ip      text,
    request_id     text,
    action         text        not null check (length(action) between 1 and 100),
    resource_type  text        not null,
    resource_id    text,
    outcome        text        not null check (outcome in ('SUCCESS', 'REFUSED', 'CONFLICT', 'FAILED')),
    detail         jsonb,
    occurred_at    timestamptz not null default now(),
    prev_hash      text        not null,
    hash           text        not null unique
);
create index audit_entry_garage_idx on audit_entry (garage_id, id);
create index audit_entry_resource_idx on audit_entry (garage_id, resource_type, resource_id);
create index audit_entry_actor_idx on audit_entry (garage_id, actor_subject);

create table audit_chain_head (
    garage_id      uuid primary key references garage (id),
    last_entry_id  bigint not null,
    last_hash      text   not null
);

-- The one definition of an entry's hash, used when it is written and when a chain is verified.
create function audit_entry_hash(e audit_entry) returns text language sql immutable as $$
    select encode(sha256(convert_to(concat_ws('|',
        e.id, e.prev_hash, e.garage_id, (extract(epoch from e.occurred_at) * 1000000)::bigint,
        e.actor_subject, e.actor_role, coalesce(e.device_id, ''), coalesce(e.client_ip, ''),
        coalesce(e.request_id, ''), e.action, e.resource_type, coalesce(e.resource_id, ''),
        e.outcome, coalesce(e.detail::text, '')), 'UTF8')), 'hex')
$$;

-- Chains each new entry to the garage's previous one. The head row's lock orders a garage's
-- concurrent writers, so the chain never forks.
create function audit_entry_chain() returns trigger language plpgsql as $$
declare
    previous text;
begin
    insert into audit_chain_head (garage_id, last_entry_id, last_hash)
        values (new.garage_id, 0, 'genesis') on conflict (garage_id) do nothing;
    select last_hash into previous from audit_chain_head where garage_id = new.garage_id for update;
    new.prev_hash := previous;
    new.hash := audit_entry_hash(new);
    update audit_chain_head set last_entry_id = new.id, last_hash = new.hash
        where garage_id = new.garage_id;
    return new;
end;
$$;

create trigger audit_entry_chain before insert on audit_entry
    for each row execute function audit_entry_chain();

create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end;
$$;

create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function refuse_change();

create function job_event_only_publish() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or (to_jsonb(new) - 'published_at') <> (to_jsonb(old) - 'published_at') then
        raise exception 'job_event is append-only; only published_at may be set';
    end if;
    return new;
end;
$$;

create trigger job_event_append_only before update or delete on job_event
    for each row execute function job_event_only_publish();
