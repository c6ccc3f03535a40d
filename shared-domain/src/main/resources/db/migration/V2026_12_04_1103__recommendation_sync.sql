-- Recommendations are part of both apps' offline copies (sync type `recommendation`,
-- docs/recommendations.md): the customer's own, the advisors' whole garage. A recommendation never
-- changes customer, so its audience is its customer alone (staff follow the whole garage).
create function sync_recommendation_changed() returns trigger language plpgsql as $$
declare
    row_now record;
begin
    if tg_op = 'DELETE' then row_now := old; else row_now := new; end if;
    perform sync_log(row_now.garage_id, 'recommendation', row_now.id, array[row_now.customer_id]);
    return null;
end;
$$;
create trigger sync_recommendation after insert or update or delete on recommendation
    for each row execute function sync_recommendation_changed();
