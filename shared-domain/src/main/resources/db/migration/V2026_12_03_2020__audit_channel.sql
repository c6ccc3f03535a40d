-- Audit entries name the channel a change came through: the apps, a webhook, a scheduled job or an
-- administrator. Entries of the apps hash exactly as before, so existing chains still verify; any
-- other channel is part of the entry's hash.
alter table audit_entry add column channel text not null default 'app'
    check (channel in ('app', 'webhook', 'scheduler', 'admin'));

create or replace function audit_entry_hash(e audit_entry) returns text language sql immutable as $$
    select encode(sha256(convert_to(concat_ws('|',
        e.id, e.prev_hash, e.garage_id, (extract(epoch from e.occurred_at) * 1000000)::bigint,
        e.actor_subject, e.actor_role, coalesce(e.device_id, ''), coalesce(e.client_ip, ''),
        coalesce(e.request_id, ''), e.action, e.resource_type, coalesce(e.resource_id, ''),
        e.outcome, coalesce(e.detail::text, ''), nullif(e.channel, 'app')), 'UTF8')), 'hex')
$$;
