-- Pods keep who a token's subject is for a short while (platform.identity.ActorCache). Whatever changes
-- that answer, from this service or from the desktop system writing to the same tables, tells every pod
-- at once through NOTIFY, so a deactivated staff member or an unlinked customer is refused on the next
-- request on every pod.
create function notify_actor_changed() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.oidc_subject is not null then
        perform pg_notify('actor_changed', old.garage_id::text || ' ' || old.oidc_subject);
    end if;
    if tg_op = 'UPDATE' and new.oidc_subject is not null
            and new.oidc_subject is distinct from old.oidc_subject then
        perform pg_notify('actor_changed', new.garage_id::text || ' ' || new.oidc_subject);
    end if;
    return null;
end $$;

create trigger staff_actor_changed
    after update of oidc_subject, garage_id, role, active, display_name or delete on staff
    for each row execute function notify_actor_changed();

create trigger customer_actor_changed
    after update of oidc_subject, garage_id, first_name, last_name or delete on customer
    for each row execute function notify_actor_changed();
