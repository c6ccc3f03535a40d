-- Who may receive each job event, fixed when the event is written: the job's customer (for
-- customer-visible events) and the technicians assigned at that moment. Live updates and their
-- replay after a reconnect read these columns, so a technician unassigned later still gets the
-- event that told them, and nothing after it.
alter table job_event add column customer_id uuid, add column technician_ids uuid[];

alter table job_event disable trigger job_event_append_only;
update job_event e set customer_id = j.customer_id,
    technician_ids = array(select a.technician_id from job_assignment a where a.job_id = e.job_id
                           order by a.technician_id)
    from job_card j where j.id = e.job_id;
alter table job_event enable trigger job_event_append_only;

-- Filled from the job as the event is inserted, whoever inserts it.
create function job_event_audience() returns trigger language plpgsql as $$
begin
    if new.customer_id is null then
        select customer_id into new.customer_id from job_card where id = new.job_id;
    end if;
    if new.technician_ids is null then
        new.technician_ids := array(select technician_id from job_assignment where job_id = new.job_id
                                    order by technician_id);
    end if;
    return new;
end;
$$;

create trigger job_event_audience before insert on job_event
    for each row execute function job_event_audience();

alter table job_event alter column customer_id set not null, alter column technician_ids set not null;

-- Replays after a reconnect: a customer's events, and a garage's, from an event id on.
create index job_event_customer_idx on job_event (customer_id, id);
create index job_event_garage_idx on job_event (garage_id, id);
