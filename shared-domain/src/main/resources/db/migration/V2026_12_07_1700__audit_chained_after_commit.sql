-- Audit entries are chained after their write commits, by a pass of the sequencer (audit_chain_garage,
-- audit_chain_all), no longer by a trigger inside the write. The trigger locked the garage's chain head from the
-- entry's insert to the end of the write's commit, so every audited write of a garage waited for the one before
-- (docs/performance.md, nineteenth and twentieth steps). An entry now arrives pending: no position, no hashes.
-- A pass takes the head's lock, chains the garage's pending entries in the order it finds them committed, and
-- records each one's position in the chain: ids are taken before commit, so an entry can commit after one with
-- a higher id has been chained, and the chain's order is its positions', not its ids'. The hash is computed as
-- before (audit_entry_hash does not cover the position), so chains written so far still verify.

drop trigger audit_entry_chain on audit_entry;
drop function audit_entry_chain();
drop trigger audit_entry_append_only on audit_entry;

alter table audit_entry add column chain_position bigint,
    alter column prev_hash drop not null,
    alter column hash drop not null;
alter table audit_chain_head add column last_position bigint not null default 0;

-- Entries written so far: the verifier has checked their chain in id order.
update audit_entry a set chain_position = ordered.position
from (select id, row_number() over (partition by garage_id order by id) as position from audit_entry) ordered
where ordered.id = a.id;
update audit_chain_head h
set last_position = (select count(*) from audit_entry a where a.garage_id = h.garage_id);

alter table audit_entry add constraint audit_entry_chained_whole
    check ((chain_position is null) = (hash is null) and (hash is null) = (prev_hash is null));
create unique index audit_entry_chain_idx on audit_entry (garage_id, chain_position);
create index audit_entry_pending_idx on audit_entry (garage_id, id) where chain_position is null;

-- A writer never chains its own entry: one that came with a position would collide with the sequencer's.
create function audit_entry_arrives_pending() returns trigger language plpgsql as $$
begin
    if new.chain_position is not null or new.hash is not null or new.prev_hash is not null then
        raise exception 'audit entries are chained by the sequencer (audit_chain_garage), not by their writer';
    end if;
    return new;
end;
$$;

create trigger audit_entry_arrives_pending before insert on audit_entry
    for each row execute function audit_entry_arrives_pending();

-- Append-only, but for the one update that chains a pending entry: its position and hashes, nothing else, with
-- the hash its content gives.
create function audit_entry_chained_once() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.chain_position is null and new.chain_position is not null
            and new.hash = audit_entry_hash(new)
            and to_jsonb(new) - array['chain_position', 'prev_hash', 'hash']
                = to_jsonb(old) - array['chain_position', 'prev_hash', 'hash'] then
        return new;
    end if;
    raise exception 'audit_entry is append-only: an entry may only be chained, once';
end;
$$;

create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_chained_once();

-- Chains the garage's pending entries after its head, in id order among those this pass finds committed. The
-- caller holds the head's lock.
create function audit_chain_entries(head audit_chain_head) returns integer language plpgsql as $$
declare
    entry audit_entry;
    chained integer := 0;
begin
    for entry in select * from audit_entry where garage_id = head.garage_id and chain_position is null order by id
    loop
        head.last_position := head.last_position + 1;
        entry.chain_position := head.last_position;
        entry.prev_hash := head.last_hash;
        entry.hash := audit_entry_hash(entry);
        update audit_entry set chain_position = entry.chain_position, prev_hash = entry.prev_hash, hash = entry.hash
            where id = entry.id;
        head.last_entry_id := entry.id;
        head.last_hash := entry.hash;
        chained := chained + 1;
    end loop;
    if chained > 0 then
        update audit_chain_head
        set last_entry_id = head.last_entry_id, last_hash = head.last_hash, last_position = head.last_position
        where garage_id = head.garage_id;
    end if;
    return chained;
end;
$$;

-- Chains one garage's pending entries, after waiting for any pass that holds the garage: what committed before
-- the call is chained when it returns.
create function audit_chain_garage(garage uuid) returns integer language plpgsql as $$
declare
    head audit_chain_head;
begin
    insert into audit_chain_head (garage_id, last_entry_id, last_hash) values (garage, 0, 'genesis')
        on conflict (garage_id) do nothing;
    select * into head from audit_chain_head where garage_id = garage for update;
    return audit_chain_entries(head);
end;
$$;

-- Chains every garage's pending entries, skipping a garage that another pass (another pod's) holds. Only a
-- garage without a head is offered one: an insert that conflicts with a head another pass has locked would wait
-- for that pass.
create function audit_chain_all() returns integer language plpgsql as $$
declare
    head audit_chain_head;
    chained integer := 0;
begin
    insert into audit_chain_head (garage_id, last_entry_id, last_hash)
        select distinct p.garage_id, 0, 'genesis' from audit_entry p
        where p.chain_position is null
          and not exists (select 1 from audit_chain_head h where h.garage_id = p.garage_id)
        on conflict (garage_id) do nothing;
    for head in
        select * from audit_chain_head
        where garage_id in (select garage_id from audit_entry where chain_position is null)
        for update skip locked
    loop
        chained := chained + audit_chain_entries(head);
    end loop;
    return chained;
end;
$$;
