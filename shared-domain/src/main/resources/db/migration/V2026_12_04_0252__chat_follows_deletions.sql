-- A deleted job or customer takes its conversations with it (messages, participants, cursors,
-- events), as it takes its other records: a job is deleted only when it was created by mistake.
alter table chat_conversation
    drop constraint chat_conversation_job_id_fkey,
    add constraint chat_conversation_job_id_fkey foreign key (job_id) references job_card (id) on delete cascade,
    drop constraint chat_conversation_customer_id_fkey,
    add constraint chat_conversation_customer_id_fkey foreign key (customer_id) references customer (id)
        on delete cascade;

alter table chat_participant
    drop constraint chat_participant_conversation_id_fkey,
    add constraint chat_participant_conversation_id_fkey foreign key (conversation_id)
        references chat_conversation (id) on delete cascade,
    drop constraint chat_participant_staff_id_fkey,
    add constraint chat_participant_staff_id_fkey foreign key (staff_id) references staff (id) on delete cascade,
    drop constraint chat_participant_added_by_fkey;

alter table chat_message
    drop constraint chat_message_conversation_id_fkey,
    add constraint chat_message_conversation_id_fkey foreign key (conversation_id)
        references chat_conversation (id) on delete cascade;

alter table chat_event
    drop constraint chat_event_conversation_id_fkey,
    add constraint chat_event_conversation_id_fkey foreign key (conversation_id)
        references chat_conversation (id) on delete cascade;

alter table chat_read_cursor
    drop constraint chat_read_cursor_conversation_id_fkey,
    add constraint chat_read_cursor_conversation_id_fkey foreign key (conversation_id)
        references chat_conversation (id) on delete cascade;

-- A job milestone's system message is not a chat event of its own: the live channel already carries
-- the milestone as the job's event, and apps fill the number it takes from the history.
create or replace function chat_message_event() returns trigger language plpgsql as $$
declare
    kind_of_change text;
    conversation record;
begin
    if tg_op = 'INSERT' and new.kind = 'SYSTEM' then
        return null;
    elsif tg_op = 'INSERT' then
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
