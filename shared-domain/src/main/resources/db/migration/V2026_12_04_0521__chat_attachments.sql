-- Chat attachments: photos, videos and audio notes uploaded (tus) for a conversation and then sent
-- with a message. The message lists them (media id and kind, in the order sent), so its live event
-- and its history carry them; each media's target moves from the conversation to the message in the
-- sending transaction, and the message's channel decides whether the customer may fetch it.
-- A message has text, attachments or both; a tombstone has neither. The list is JSON in a text
-- column, as inspections keep theirs: the reactive driver reads a jsonb column as an object only.
alter table chat_message
    add column attachments text not null default '[]' check (jsonb_typeof(attachments::jsonb) = 'array'),
    drop constraint chat_message_tombstone,
    add constraint chat_message_content check (deleted_at is not null or body is not null
        or jsonb_array_length(attachments::jsonb) > 0),
    add constraint chat_message_tombstone check (deleted_at is null
        or (body is null and jsonb_array_length(attachments::jsonb) = 0));

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
            'quickReply', new.quick_reply, 'attachments', new.attachments::jsonb, 'sentAt', new.sent_at,
            'editedAt', new.edited_at, 'deletedAt', new.deleted_at, 'version', new.version),
        coalesce(new.deleted_at, new.edited_at, new.sent_at));
    return null;
end;
$$;
