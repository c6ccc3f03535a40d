-- Chat messages in the apps' offline copies (sync type 'chat-message'). A message is logged with
-- everyone who may read its channel; adding or taking off a technician, or assigning a job or taking
-- it away, logs the messages that this opens or closes to them (an upsert or a tombstone).

create function chat_channel_readers(conversation uuid, chat_channel text) returns uuid[]
language sql stable as $$
    select chat_channel_technicians(conversation, chat_channel)
        || case when chat_channel = 'CUSTOMER'
                then array[(select customer_id from chat_conversation where id = conversation)]
                else '{}'::uuid[] end
$$;

create function sync_chat_message_changed() returns trigger language plpgsql as $$
begin
    perform sync_log(new.garage_id, 'chat-message', new.id, chat_channel_readers(new.conversation_id, new.channel));
    return null;
end;
$$;

create trigger sync_chat_message after insert or update on chat_message
    for each row execute function sync_chat_message_changed();

create function sync_chat_participant_changed() returns trigger language plpgsql as $$
declare
    changed record;
begin
    if tg_op = 'DELETE' then changed := old; else changed := new; end if;
    perform sync_log(m.garage_id, 'chat-message', m.id, array[changed.staff_id])
       from chat_message m where m.conversation_id = changed.conversation_id;
    return null;
end;
$$;

create trigger sync_chat_participant after insert or delete on chat_participant
    for each row execute function sync_chat_participant_changed();

create function sync_chat_assignment_changed() returns trigger language plpgsql as $$
declare
    changed record;
begin
    if tg_op = 'DELETE' then changed := old; else changed := new; end if;
    perform sync_log(m.garage_id, 'chat-message', m.id, array[changed.technician_id])
       from chat_message m join chat_conversation c on c.id = m.conversation_id
      where c.job_id = changed.job_id and m.channel = 'WORKSHOP';
    return null;
end;
$$;

create trigger sync_chat_assignment after insert or delete on job_assignment
    for each row execute function sync_chat_assignment_changed();

-- The messages already written join the copies at the first sync after this migration.
select sync_log(m.garage_id, 'chat-message', m.id, chat_channel_readers(m.conversation_id, m.channel))
  from chat_message m;
