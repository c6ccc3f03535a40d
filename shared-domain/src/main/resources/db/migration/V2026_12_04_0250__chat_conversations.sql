-- Chat: one conversation per job (a customer channel and a staff-only workshop channel) and one
-- general conversation per customer. Each channel numbers its messages 1, 2, 3… with no gaps: the
-- counter is a column of the conversation, moved under its row lock in the sending transaction.
create table chat_conversation (
    id                uuid primary key default gen_random_uuid(),
    garage_id         uuid        not null references garage (id),
    customer_id       uuid        not null references customer (id),
    job_id            uuid        unique references job_card (id),
    customer_last_seq bigint      not null default 0 check (customer_last_seq >= 0),
    workshop_last_seq bigint      not null default 0 check (workshop_last_seq >= 0),
    created_at        timestamptz not null default now(),
    -- the last message of either channel (staff lists), and of the customer channel alone (customer
    -- lists: a workshop message must not reorder what the customer sees)
    updated_at        timestamptz not null default now(),
    customer_last_at  timestamptz not null default now()
);

create unique index chat_conversation_general on chat_conversation (customer_id) where job_id is null;
create index chat_conversation_garage on chat_conversation (garage_id, updated_at desc, id);
create index chat_conversation_customer on chat_conversation (customer_id, customer_last_at desc, id);

-- Technicians an advisor added to a conversation: they see its customer channel (and the workshop
-- channel of a job they are not assigned to).
create table chat_participant (
    conversation_id uuid        not null references chat_conversation (id),
    staff_id        uuid        not null references staff (id),
    garage_id       uuid        not null references garage (id),
    added_by        uuid        not null references staff (id),
    added_at        timestamptz not null,
    primary key (conversation_id, staff_id)
);

create index chat_participant_staff on chat_participant (staff_id);

create table chat_message (
    id              uuid primary key,
    garage_id       uuid        not null references garage (id),
    conversation_id uuid        not null references chat_conversation (id),
    channel         text        not null check (channel in ('CUSTOMER', 'WORKSHOP')),
    seq             bigint      not null check (seq > 0),
    kind            text        not null check (kind in ('TEXT', 'QUICK_REPLY', 'SYSTEM')),
    author_id       uuid,
    author_role     text        not null,
    author_name     text        not null,
    body            text        not null check (length(body) between 1 and 4000),
    quick_reply     text,
    sent_at         timestamptz not null,
    unique (conversation_id, channel, seq),
    check ((kind = 'SYSTEM') = (author_id is null)),
    check ((kind = 'QUICK_REPLY') = (quick_reply is not null))
);

create function chat_open_job_conversation() returns trigger language plpgsql as $$
begin
    insert into chat_conversation (garage_id, customer_id, job_id, created_at, updated_at, customer_last_at)
    values (new.garage_id, new.customer_id, new.id, new.created_at, new.created_at, new.created_at)
    on conflict do nothing;
    return null;
end;
$$;

create trigger chat_open_job_conversation after insert on job_card
    for each row execute function chat_open_job_conversation();

create function chat_open_general_conversation() returns trigger language plpgsql as $$
begin
    insert into chat_conversation (garage_id, customer_id) values (new.garage_id, new.id)
    on conflict do nothing;
    return null;
end;
$$;

create trigger chat_open_general_conversation after insert on customer
    for each row execute function chat_open_general_conversation();

insert into chat_conversation (garage_id, customer_id, job_id, created_at, updated_at, customer_last_at)
select garage_id, customer_id, id, created_at, created_at, created_at from job_card
on conflict do nothing;

insert into chat_conversation (garage_id, customer_id)
select garage_id, id from customer
on conflict do nothing;

-- A job's milestone (its status changing) is said in its customer channel, in the same transaction
-- as the job event, so the chat history and the job's timeline never disagree.
create function chat_job_milestone() returns trigger language plpgsql as $$
declare
    conversation record;
    target text;
begin
    if new.type <> 'job.status-changed' then
        return null;
    end if;
    target := new.payload ->> 'to';
    update chat_conversation set customer_last_seq = customer_last_seq + 1, updated_at = new.occurred_at,
        customer_last_at = new.occurred_at
    where job_id = new.job_id
    returning id, customer_last_seq into conversation;
    if conversation.id is null then
        return null;
    end if;
    insert into chat_message (id, garage_id, conversation_id, channel, seq, kind, author_role, author_name, body,
        sent_at)
    values (gen_random_uuid(), new.garage_id, conversation.id, 'CUSTOMER', conversation.customer_last_seq, 'SYSTEM',
        'system', 'Garage', 'Status: ' || initcap(replace(target, '_', ' ')), new.occurred_at);
    return null;
end;
$$;

create trigger chat_job_milestone after insert on job_event
    for each row execute function chat_job_milestone();
