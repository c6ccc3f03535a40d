-- A technician put on or taken off a job hears of the records that hang off it in the offline copy
-- (time entries, part requests, media), as they already do of its card and its inspection: the one
-- put on gets them at their next sync, the one taken off gets tombstones.
create function sync_job_records_assignment() returns trigger language plpgsql as $$
declare
    row_now record;
    people uuid[];
    found record;
begin
    if tg_op = 'DELETE' then row_now := old; else row_now := new; end if;
    people := sync_job_audience(row_now.job_id) || row_now.technician_id;
    for found in select id from time_entry where job_id = row_now.job_id loop
        perform sync_log(row_now.garage_id, 'time-entry', found.id, people);
    end loop;
    for found in select id from part_request where job_id = row_now.job_id loop
        perform sync_log(row_now.garage_id, 'part-request', found.id, people);
    end loop;
    for found in select id from media where job_id = row_now.job_id loop
        perform sync_log(row_now.garage_id, 'media', found.id, people);
    end loop;
    return null;
end;
$$;

create trigger sync_job_records_assignment after insert or delete on job_assignment
    for each row execute function sync_job_records_assignment();
