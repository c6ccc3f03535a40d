-- Digital vehicle inspection (docs/bay.md): a garage's templates, the inspection of a job made from
-- one, its items with condition, note and measurements, and the estimate lines its red and yellow
-- items recommend.

-- A template's sections, items and measurement definitions are one JSON document: an inspection
-- copies what it needs, so editing a template (which bumps its version) never changes an inspection.
-- JSON arrays are kept as text (checked to be arrays): the reactive driver maps jsonb to objects only.
create table inspection_template (
    id          uuid primary key,
    garage_id   uuid        not null references garage (id),
    name        text        not null check (length(name) between 1 and 200),
    sections    text        not null check (jsonb_typeof(sections::jsonb) = 'array'),
    created_by  uuid        not null,
    version     bigint      not null default 0,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    unique (garage_id, id),
    foreign key (garage_id, created_by) references staff (garage_id, id)
);

-- One inspection per job.
create table inspection (
    id                uuid primary key,
    garage_id         uuid        not null,
    job_id            uuid        not null unique,
    vehicle_id        uuid        not null,
    template_id       uuid        not null,
    template_version  bigint      not null,
    status            text        not null check (status in ('IN_PROGRESS', 'COMPLETED', 'PUBLISHED')),
    started_by        uuid        not null,
    completed_at      timestamptz,
    published_at      timestamptz,
    published_by      uuid,
    version           bigint      not null default 0,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    check ((status = 'IN_PROGRESS') = (completed_at is null)),
    check ((status = 'PUBLISHED') = (published_at is not null)),
    check ((published_at is null) = (published_by is null)),
    unique (garage_id, id),
    foreign key (garage_id, job_id) references job_card (garage_id, id) on delete cascade,
    foreign key (garage_id, vehicle_id) references vehicle (garage_id, id),
    foreign key (garage_id, template_id) references inspection_template (garage_id, id),
    foreign key (garage_id, started_by) references staff (garage_id, id),
    foreign key (garage_id, published_by) references staff (garage_id, id)
);
create index inspection_vehicle_idx on inspection (vehicle_id, completed_at desc) where completed_at is not null;

create table inspection_item (
    id                uuid primary key,
    garage_id         uuid        not null,
    inspection_id     uuid        not null,
    job_id            uuid        not null,
    position          integer     not null check (position >= 0),
    section           text        not null check (length(section) between 1 and 200),
    item_key          text        not null check (item_key ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
    label             text        not null check (length(label) between 1 and 200),
    customer_visible  boolean     not null,
    -- The template's measurement definitions (key, label, unit, thresholds), fixed when the item was made.
    measurement_specs text        not null default '[]' check (jsonb_typeof(measurement_specs::jsonb) = 'array'),
    -- The values measured, by measurement key, in the definition's unit.
    measurements      jsonb       not null default '{}' check (jsonb_typeof(measurements) = 'object'),
    condition         text        check (condition in ('GREEN', 'YELLOW', 'RED')),
    note              text        check (length(note) between 1 and 2000),
    -- The same item's yellow or red finding on the vehicle's last completed inspection.
    previous_item_id  uuid        references inspection_item (id),
    inspected_by      uuid,
    version           bigint      not null default 0,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    unique (inspection_id, position),
    unique (inspection_id, item_key),
    unique (garage_id, id),
    foreign key (garage_id, inspection_id) references inspection (garage_id, id) on delete cascade,
    foreign key (garage_id, inspected_by) references staff (garage_id, id)
);
create index inspection_item_job_idx on inspection_item (job_id) where condition = 'RED';

-- Required lines are the work the customer asked for; recommended ones come from a finding (an
-- inspection item). A line without a price waits for the advisor and is not shown to the customer.
alter table estimate_line
    add column necessity text not null default 'REQUIRED' check (necessity in ('REQUIRED', 'RECOMMENDED')),
    add column inspection_item_id uuid references inspection_item (id),
    add column awaiting_price boolean not null default false;
alter table estimate_line add constraint estimate_line_priced_before_decided
    check (not awaiting_price or approval_status = 'PENDING');
create unique index estimate_line_inspection_item_idx on estimate_line (inspection_item_id)
    where inspection_item_id is not null;

-- Sync: an inspection, its items and its items' media are one record of type 'inspection'. Staff on
-- the job hear of every change; the customer only once it is published.
create function sync_inspection_audience(inspection_row uuid) returns uuid[] language sql stable as $$
    select coalesce((select array_agg(a.technician_id order by a.technician_id) from job_assignment a
                     join inspection i on i.job_id = a.job_id where i.id = inspection_row), '{}')
        || coalesce((select array[j.customer_id] from inspection i join job_card j on j.id = i.job_id
                     where i.id = inspection_row and i.status = 'PUBLISHED'), '{}')
$$;

create function sync_inspection_changed() returns trigger language plpgsql as $$
declare
    row_now record;
    target uuid;
begin
    if tg_op = 'DELETE' then row_now := old; else row_now := new; end if;
    if tg_table_name = 'inspection' then
        target := row_now.id;
    elsif tg_table_name = 'inspection_item' then
        target := row_now.inspection_id;
    elsif row_now.target_type = 'inspection-item' then
        select inspection_id into target from inspection_item where id = row_now.target_id;
    end if;
    if target is not null then
        perform sync_log(row_now.garage_id, 'inspection', target, sync_inspection_audience(target));
    end if;
    return null;
end;
$$;

create trigger sync_inspection after insert or update or delete on inspection
    for each row execute function sync_inspection_changed();
create trigger sync_inspection_item after insert or update or delete on inspection_item
    for each row execute function sync_inspection_changed();
create trigger sync_inspection_media after insert or update or delete on media
    for each row execute function sync_inspection_changed();

create function sync_inspection_template_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform sync_log(old.garage_id, 'inspection-template', old.id, '{}');
    else
        perform sync_log(new.garage_id, 'inspection-template', new.id, '{}');
    end if;
    return null;
end;
$$;

create trigger sync_inspection_template after insert or update or delete on inspection_template
    for each row execute function sync_inspection_template_changed();

-- A technician put on or taken off a job hears of its inspection: the one taken off gets a tombstone.
create function sync_inspection_assignment() returns trigger language plpgsql as $$
declare
    row_now record;
    found record;
begin
    if tg_op = 'DELETE' then row_now := old; else row_now := new; end if;
    for found in select id from inspection where job_id = row_now.job_id loop
        perform sync_log(row_now.garage_id, 'inspection', found.id,
            sync_inspection_audience(found.id) || row_now.technician_id);
    end loop;
    return null;
end;
$$;

create trigger sync_inspection_assignment after insert or delete on job_assignment
    for each row execute function sync_inspection_assignment();
