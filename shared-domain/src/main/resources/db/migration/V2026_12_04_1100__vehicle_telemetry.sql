-- Vehicle telemetry (recommendations, docs/recommendations.md): odometer readings and OBD-II trouble
-- codes sent by the customer app or entered by a technician at check-in.
create table odometer_reading (
    id           uuid primary key,
    garage_id    uuid        not null,
    vehicle_id   uuid        not null,
    odometer_km  integer     not null check (odometer_km between 0 and 3000000),
    read_at      timestamptz not null,
    source       text        not null check (source in ('CUSTOMER_APP', 'CHECK_IN')),
    job_id       uuid,
    recorded_by  uuid        not null,
    created_at   timestamptz not null,
    foreign key (garage_id, vehicle_id) references vehicle (garage_id, id) on delete cascade
);
create index odometer_reading_vehicle_idx on odometer_reading (vehicle_id, read_at);

-- One row per vehicle and code: a code reported again is the same finding seen once more.
create table vehicle_trouble_code (
    garage_id      uuid        not null,
    vehicle_id     uuid        not null,
    code           text        not null check (code ~ '^[PCBU][0-3][0-9A-F]{3}$'),
    first_seen_at  timestamptz not null,
    last_seen_at   timestamptz not null,
    times_seen     integer     not null default 1 check (times_seen > 0),
    source         text        not null check (source in ('CUSTOMER_APP', 'CHECK_IN')),
    job_id         uuid,
    primary key (vehicle_id, code),
    foreign key (garage_id, vehicle_id) references vehicle (garage_id, id) on delete cascade
);
