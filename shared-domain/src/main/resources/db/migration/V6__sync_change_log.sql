-- The change log that delta sync (GET /api/v1/sync) reads. Triggers write it in the transaction of
-- each change, so every writer (the BFFs, the offline mutations, a migration, psql) feeds it.
-- One row says "this record changed; these people may care": a reader turns it into the record's
-- current state (an upsert) or, when the record left the reader's scope, a tombstone.
--
-- Rows become readable in (txid, seq) order only once every older transaction has ended
-- (txid < pg_snapshot_xmin(pg_current_snapshot())), so a transaction that commits late can never
-- slip in behind a cursor. Rows are never updated; pruning deletes rows older than the cursor
-- retention (garage.sync.cursor-retention), whose cursors are refused with resync-required anyway.
create table sync_change (
    seq          bigserial   primary key,
    txid         xid8        not null default pg_current_xact_id(),
    garage_id    uuid        not null references garage (id),
    entity_type  text        not null check (entity_type in ('job', 'appointment', 'customer', 'vehicle')),
    entity_id    uuid        not null,
    -- The people the change concerns, before and after it: the job's customer and the technicians
    -- assigned before and after, a vehicle's old and new owner. A person in the audience whose scope
    -- no longer holds the record gets a tombstone.
    audience     uuid[]      not null default '{}',
    changed_at   timestamptz not null default now()
);
-- Readers: a garage's changes from a position on; a record's latest deliverable change (its rev).
create index sync_change_position_idx on sync_change (garage_id, txid, seq);
create index sync_change_entity_idx on sync_change (entity_id, entity_type, seq);

create trigger sync_change_append_only before update on sync_change
    for each row execute function refuse_change();

-- The people a job concerns now: its customer and its assigned technicians.
create function sync_job_audience(job uuid) returns uuid[] language sql stable as $$
    select coalesce((select array[customer_id] from job_card where id = job), '{}')
        || coalesce((select array_agg(technician_id order by technician_id) from job_assignment
                     where job_id = job), '{}')
$$;

create function sync_log(garage uuid, kind text, id uuid, people uuid[]) returns void language sql as $$
    insert into sync_change (garage_id, entity_type, entity_id, audience)
    values (garage, kind, id, array(select distinct p from unnest(people) p where p is not null order by p))
$$;

create function sync_log_job(garage uuid, job uuid, extra uuid[]) returns void language sql as $$
    select sync_log(garage, 'job', job, sync_job_audience(job) || extra)
$$;

-- A job card, or one of its parts, changed: log the job.
create function sync_job_changed() returns trigger language plpgsql as $$
declare
    row_now record;
    job uuid;
    extra uuid[] := '{}';
begin
    if tg_op = 'DELETE' then row_now := old; else row_now := new; end if;
    if tg_table_name = 'job_card' then
        job := row_now.id;
        if tg_op <> 'INSERT' then
            extra := extra || old.customer_id;
        end if;
        if tg_op <> 'DELETE' then
            extra := extra || new.customer_id;
        end if;
    else
        job := row_now.job_id;
    end if;
    if tg_table_name = 'job_assignment' then
        -- The technician put on or taken off hears of it: the one taken off gets a tombstone.
        extra := extra || row_now.technician_id;
    end if;
    perform sync_log_job(row_now.garage_id, job, extra);
    return null;
end;
$$;

create trigger sync_job_card after insert or update or delete on job_card
    for each row execute function sync_job_changed();
create trigger sync_job_assignment after insert or delete on job_assignment
    for each row execute function sync_job_changed();
create trigger sync_job_step after insert or update or delete on job_step
    for each row execute function sync_job_changed();
create trigger sync_estimate_line after insert or update or delete on estimate_line
    for each row execute function sync_job_changed();
create trigger sync_job_note after insert or update or delete on job_note
    for each row execute function sync_job_changed();

create function sync_appointment_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform sync_log(old.garage_id, 'appointment', old.id, array[old.customer_id]);
        return null;
    end if;
    perform sync_log(new.garage_id, 'appointment', new.id,
        array[new.customer_id] || case when tg_op = 'UPDATE' then array[old.customer_id] else '{}' end);
    return null;
end;
$$;

create trigger sync_appointment after insert or update or delete on appointment
    for each row execute function sync_appointment_changed();

-- A customer or vehicle changed: log it, and the jobs that embed it.
create function sync_party_changed() returns trigger language plpgsql as $$
declare
    row_now record;
    owners uuid[];
    job record;
begin
    if tg_op = 'DELETE' then row_now := old; else row_now := new; end if;
    if tg_table_name = 'customer' then
        perform sync_log(row_now.garage_id, 'customer', row_now.id, array[row_now.id]);
        for job in select id from job_card where customer_id = row_now.id loop
            perform sync_log_job(row_now.garage_id, job.id, '{}');
        end loop;
    else
        owners := array[row_now.customer_id]
            || case when tg_op = 'UPDATE' then array[old.customer_id] else '{}' end;
        perform sync_log(row_now.garage_id, 'vehicle', row_now.id, owners);
        for job in select id from job_card where vehicle_id = row_now.id loop
            perform sync_log_job(row_now.garage_id, job.id, '{}');
        end loop;
    end if;
    return null;
end;
$$;

create trigger sync_customer after insert or update or delete on customer
    for each row execute function sync_party_changed();
create trigger sync_vehicle after insert or update or delete on vehicle
    for each row execute function sync_party_changed();

-- Every record that exists now starts with one change, so a first sync can give each a rev.
insert into sync_change (garage_id, entity_type, entity_id, audience)
    select garage_id, 'customer', id, array[id] from customer order by id;
insert into sync_change (garage_id, entity_type, entity_id, audience)
    select garage_id, 'vehicle', id, array[customer_id] from vehicle order by id;
insert into sync_change (garage_id, entity_type, entity_id, audience)
    select garage_id, 'appointment', id, array[customer_id] from appointment order by id;
insert into sync_change (garage_id, entity_type, entity_id, audience)
    select garage_id, 'job', id, sync_job_audience(id) from job_card order by id;
