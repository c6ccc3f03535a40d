-- The functions every write's triggers call (a job's sync log entry and its audience, a chat channel's readers)
-- were written in SQL. PostgreSQL 15 plans a SQL function's body again on every call unless it can inline it
-- (one expression, no FROM and no sub-select), and none of these qualify: planning was most of what a status
-- change cost the database. PL/pgSQL keeps its statements' plans for the connection's life. Same bodies.

create or replace function sync_log(garage uuid, kind text, id uuid, people uuid[]) returns void
language plpgsql as $$
begin
    insert into sync_change (garage_id, entity_type, entity_id, audience)
    values (garage, kind, id, array(select distinct p from unnest(people) p where p is not null order by p));
end;
$$;

create or replace function sync_job_audience(job uuid) returns uuid[] language plpgsql stable as $$
begin
    return coalesce((select array[customer_id] from job_card where id = job), '{}')
        || coalesce((select array_agg(technician_id order by technician_id) from job_assignment
                     where job_id = job), '{}');
end;
$$;

create or replace function sync_log_job(garage uuid, job uuid, extra uuid[]) returns void language plpgsql as $$
begin
    perform sync_log(garage, 'job', job, sync_job_audience(job) || extra);
end;
$$;

create or replace function sync_inspection_audience(inspection_row uuid) returns uuid[]
language plpgsql stable as $$
begin
    return coalesce((select array_agg(a.technician_id order by a.technician_id) from job_assignment a
                     join inspection i on i.job_id = a.job_id where i.id = inspection_row), '{}')
        || coalesce((select array[j.customer_id] from inspection i join job_card j on j.id = i.job_id
                     where i.id = inspection_row and i.status = 'PUBLISHED'), '{}');
end;
$$;

create or replace function chat_channel_technicians(conversation uuid, chat_channel text) returns uuid[]
language plpgsql stable as $$
begin
    return (select coalesce(array_agg(distinct staff_id order by staff_id), '{}') from (
        select staff_id from chat_participant where conversation_id = conversation
        union
        select a.technician_id from job_assignment a join chat_conversation c on c.job_id = a.job_id
        where c.id = conversation and chat_channel = 'WORKSHOP') people);
end;
$$;

create or replace function chat_channel_readers(conversation uuid, chat_channel text) returns uuid[]
language plpgsql stable as $$
begin
    return chat_channel_technicians(conversation, chat_channel)
        || case when chat_channel = 'CUSTOMER'
                then array[(select customer_id from chat_conversation where id = conversation)]
                else '{}'::uuid[] end;
end;
$$;
