-- Roadside requests are part of the customer app's offline copy (sync type `roadside-request`,
-- docs/partners.md): a stranded customer with no signal still sees what was asked and the last
-- status and ETA known. A request never changes customer, so its audience is its customer alone.
create function sync_roadside_request_changed() returns trigger language plpgsql as $$
declare
    row_now record;
begin
    if tg_op = 'DELETE' then row_now := old; else row_now := new; end if;
    perform sync_log(row_now.garage_id, 'roadside-request', row_now.id, array[row_now.customer_id]);
    return null;
end;
$$;
create trigger sync_roadside_request after insert or update or delete on roadside_request
    for each row execute function sync_roadside_request_changed();

-- Requests made before this migration join the copies at the first sync after it.
insert into sync_change (garage_id, entity_type, entity_id, audience)
    select garage_id, 'roadside-request', id, array[customer_id] from roadside_request order by id;
