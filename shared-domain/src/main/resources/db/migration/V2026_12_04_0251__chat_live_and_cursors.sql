-- Chat on the live channel: every change of a channel (a message sent, edited or deleted, a read
-- cursor moved) is a chat_event row, with its id from the one live_event_id sequence, written in
-- the change's transaction (messages by trigger, so a job milestone's message is one too) and
-- published on Redis after commit; a relay publishes what a writer left behind. Who may receive
-- it is fixed when it is written, as for job events: the conversation's customer (customer
-- channel only), the garage's advisors and admins, and technician_ids.
alter table chat_message
    add column version    bigint      not null default 0,
    add column edited_at  timestamptz,
    add column deleted_at timestamptz,
    alter column body drop not null,
    add constraint chat_message_tombstone check ((deleted_at is null) = (body is not null));

create table chat_event (
    id              bigint primary key default nextval('live_event_id'),
    garage_id       uuid        not null references garage (id),
    conversation_id uuid        not null references chat_conversation (id),
    channel         text        not null check (channel in ('CUSTOMER', 'WORKSHOP')),
    customer_id     uuid        not null,
    technician_ids  uuid[]      not null,
    type            text        not null check (type in ('chat.message', 'chat.message-edited',
                                    'chat.message-deleted', 'chat.read')),
    payload         jsonb       not null,
    occurred_at     timestamptz not null,
    published_at    timestamptz
);

create index chat_event_unpublished on chat_event (id) where published_at is null;
create index chat_event_garage on chat_event (garage_id, id);
create index chat_event_conversation on chat_event (conversation_id, id);

-- How far each person has received and read each channel.
create table chat_read_cursor (
    conversation_id uuid        not null references chat_conversation (id),
    channel         text        not null check (channel in ('CUSTOMER', 'WORKSHOP')),
    person_id       uuid        not null,
    garage_id       uuid        not null references garage (id),
    delivered_seq   bigint      not null default 0 check (delivered_seq >= 0),
    read_seq        bigint      not null default 0 check (read_seq >= 0 and read_seq <= delivered_seq),
    updated_at      timestamptz not null,
    primary key (conversation_id, channel, person_id)
);

create index chat_read_cursor_person on chat_read_cursor (person_id);

-- The technicians who may follow a channel now: those added to the conversation, and for the
-- workshop channel also those assigned to its job.
create function chat_channel_technicians(conversation uuid, chat_channel text) returns uuid[]
language sql stable as $$
    select coalesce(array_agg(distinct staff_id order by staff_id), '{}') from (
        select staff_id from chat_participant where conversation_id = conversation
        union
        select a.technician_id from job_assignment a join chat_conversation c on c.job_id = a.job_id
        where c.id = conversation and chat_channel = 'WORKSHOP') people
$$;

create function chat_message_event() returns trigger language plpgsql as $$
declare
    kind_of_change text;
    conversation record;
begin
    if tg_op = 'INSERT' then
        kind_of_change := 'chat.message';
    elsif new.deleted_at is not null and old.deleted_at is null then
        kind_of_change := 'chat.message-deleted';
    elsif new.body is distinct from old.body then
        kind_of_change := 'chat.message-edited';
    else
        return null;
    end if;
    select customer_id into conversation from chat_conversation where id = new.conversation_id;
    insert into chat_event (garage_id, conversation_id, channel, customer_id, technician_ids, type, payload,
        occurred_at)
    values (new.garage_id, new.conversation_id, new.channel, conversation.customer_id,
        chat_channel_technicians(new.conversation_id, new.channel), kind_of_change,
        jsonb_build_object('messageId', new.id, 'seq', new.seq, 'kind', new.kind, 'authorId', new.author_id,
            'authorRole', new.author_role, 'authorName', new.author_name, 'text', new.body,
            'quickReply', new.quick_reply, 'sentAt', new.sent_at, 'editedAt', new.edited_at,
            'deletedAt', new.deleted_at, 'version', new.version),
        coalesce(new.deleted_at, new.edited_at, new.sent_at));
    return null;
end;
$$;

create trigger chat_message_event after insert or update on chat_message
    for each row execute function chat_message_event();
