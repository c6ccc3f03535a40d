-- Payments are part of the customer app's offline copy (sync type `payment`, docs/payments.md): the
-- customer's receipts and payments in flight. A payment never changes customer, so its audience is
-- its customer alone.
create function sync_payment_changed() returns trigger language plpgsql as $$
declare
    row_now record;
begin
    if tg_op = 'DELETE' then row_now := old; else row_now := new; end if;
    perform sync_log(row_now.garage_id, 'payment', row_now.id, array[row_now.customer_id]);
    return null;
end;
$$;
create trigger sync_payment after insert or update or delete on payment
    for each row execute function sync_payment_changed();

-- Payments made before this migration join the copies at the first sync after it.
insert into sync_change (garage_id, entity_type, entity_id, audience)
    select garage_id, 'payment', id, array[customer_id] from payment order by id;
