-- Push for chat: every message sent (a chat.message event) waits here, in the sending transaction,
-- until one pod claims it (for update skip locked) and writes a notification for each device of
-- each reader of the channel that has no live socket at that moment. As notification_pending_event
-- does for job events: a crash rolls the claim back and another pass decides the message again.
create table chat_push_pending (
    chat_event_id   bigint primary key references chat_event (id) on delete cascade,
    next_attempt_at timestamptz not null,
    attempts        int         not null default 0,
    decided_at      timestamptz,
    last_error      text
);

create index chat_push_pending_waiting on chat_push_pending (next_attempt_at) where decided_at is null;

create function chat_push_pending() returns trigger language plpgsql as $$
begin
    if new.type = 'chat.message' then
        insert into chat_push_pending (chat_event_id, next_attempt_at) values (new.id, new.occurred_at);
    end if;
    return null;
end;
$$;

create trigger chat_push_pending after insert on chat_event
    for each row execute function chat_push_pending();
