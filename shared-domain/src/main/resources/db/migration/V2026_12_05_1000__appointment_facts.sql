-- The appointment journey's later steps are the garage's doing (confirmed, checked in), often on
-- the desktop system, so the server records them: a trigger notes each status an appointment
-- takes, whoever writes it, and the analytics facts feed turns the notes into events
-- (docs/analytics.md) and deletes them. The apps no longer send those two.
create table appointment_status_change (
    id             bigserial primary key,
    garage_id      uuid        not null,
    appointment_id uuid        not null,
    customer_id    uuid        not null,
    status         text        not null,
    occurred_at    timestamptz not null default now()
);

create function appointment_status_noted() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' or new.status is distinct from old.status then
        insert into appointment_status_change (garage_id, appointment_id, customer_id, status)
        values (new.garage_id, new.id, new.customer_id, new.status);
    end if;
    return null;
end;
$$;

create trigger appointment_status_noted after insert or update of status on appointment
    for each row execute function appointment_status_noted();

update analytics_schema set source = 'server', version = version + 1, updated_at = now()
where name in ('appointment.confirmed', 'appointment.checked-in');
