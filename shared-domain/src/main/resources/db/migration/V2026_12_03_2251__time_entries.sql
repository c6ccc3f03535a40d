-- Time on job: every span a technician worked on, or paused on, a job. The database keeps the two
-- rules the service checks first, so no writer can break them: one running clock per technician
-- (ended_at null) and no two spans of one technician overlapping.
create extension if not exists btree_gist;

create table time_entry (
    id                 uuid primary key,                  -- chosen by the app, so a retried write is the same entry
    garage_id          uuid        not null,
    job_id             uuid        not null,
    step_id            uuid        references job_step (id) on delete set null,
    technician_id      uuid        not null,
    kind               text        not null check (kind in ('WORK', 'PAUSE')),
    pause_reason       text        check (pause_reason in
                           ('WAITING_FOR_PARTS', 'WAITING_FOR_APPROVAL', 'BREAK', 'OTHER_JOB', 'OTHER')),
    -- The span as it counts: the server's time for entries made online, the device's for offline ones.
    started_at         timestamptz not null,
    ended_at           timestamptz,
    -- What the device said, as it said it (null for entries made online).
    device_started_at  timestamptz,
    device_ended_at    timestamptz,
    -- When the server learnt of the start and of the end.
    recorded_at        timestamptz not null,
    ended_recorded_at  timestamptz,
    source             text        not null check (source in ('ONLINE', 'OFFLINE')),
    version            bigint      not null default 0,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    check ((kind = 'PAUSE') = (pause_reason is not null)),
    check (ended_at is null or ended_at >= started_at),
    check ((ended_at is null) = (ended_recorded_at is null)),
    foreign key (garage_id, job_id) references job_card (garage_id, id) on delete cascade,
    foreign key (garage_id, technician_id) references staff (garage_id, id),
    constraint time_entry_no_overlap exclude using gist
        (technician_id with =, tstzrange(started_at, coalesce(ended_at, 'infinity'), '[)') with &&)
);
create unique index time_entry_one_running on time_entry (technician_id) where ended_at is null;
create index time_entry_job_idx on time_entry (job_id, started_at);
create index time_entry_running_idx on time_entry (garage_id) where ended_at is null;

-- An overrun (worked time past the labour estimate) is flagged to the advisor once per job and
-- estimate: a row here is the claim, so neither two pods nor a second tick flag it twice.
create table job_time_overrun (
    job_id            uuid        not null,
    garage_id         uuid        not null,
    estimate_minutes  integer     not null check (estimate_minutes > 0),
    worked_minutes    integer     not null check (worked_minutes >= 0),
    flagged_at        timestamptz not null,
    primary key (job_id, estimate_minutes),
    foreign key (garage_id, job_id) references job_card (garage_id, id) on delete cascade
);

-- Sync: an entry is a record of its own ('time-entry') and part of its job's card (the totals).
create function sync_time_entry_changed() returns trigger language plpgsql as $$
declare
    row_now record;
begin
    if tg_op = 'DELETE' then row_now := old; else row_now := new; end if;
    perform sync_log(row_now.garage_id, 'time-entry', row_now.id,
        sync_job_audience(row_now.job_id) || row_now.technician_id);
    perform sync_log_job(row_now.garage_id, row_now.job_id, '{}');
    return null;
end;
$$;

create trigger sync_time_entry after insert or update or delete on time_entry
    for each row execute function sync_time_entry_changed();
