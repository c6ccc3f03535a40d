-- Escalation of conversations: a garage's business hours (every version kept, so time measured across
-- a change of hours or time zone counts each part by the hours then in force), its response targets
-- per priority, each conversation's response clock (priority, assigned advisor, the response now
-- awaited and when it is due) and a record of every response.

-- One row per version of a garage's hours; the highest version is in force from effective_from on.
-- A garage without any row keeps the standard hours (Mon-Fri 08:00-18:00, Sat 09:00-13:00) in its
-- own time zone.
create table business_hours (
    garage_id      uuid        not null references garage (id),
    version        bigint      not null check (version > 0),
    time_zone      text        not null check (length(time_zone) between 1 and 64),
    -- {"MONDAY": [{"opens": "08:00", "closes": "18:00"}], ...}; a day not named is closed
    week           jsonb       not null,
    -- dates (YYYY-MM-DD) closed all day
    holidays       text[]      not null default '{}',
    effective_from timestamptz not null,
    changed_by     uuid,
    primary key (garage_id, version)
);

-- A garage's response targets, in minutes of business time; without a row, the defaults.
create table chat_response_targets (
    garage_id             uuid        primary key references garage (id),
    urgent_first_minutes  integer     not null check (urgent_first_minutes between 1 and 10080),
    urgent_next_minutes   integer     not null check (urgent_next_minutes between 1 and 10080),
    high_first_minutes    integer     not null check (high_first_minutes between 1 and 10080),
    high_next_minutes     integer     not null check (high_next_minutes between 1 and 10080),
    normal_first_minutes  integer     not null check (normal_first_minutes between 1 and 10080),
    normal_next_minutes   integer     not null check (normal_next_minutes between 1 and 10080),
    -- the warning goes out when this share of the target is left
    warn_before_percent   integer     not null check (warn_before_percent between 1 and 90),
    version               bigint      not null default 0,
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);

-- A conversation's customer channel on the clock. Each time a customer message starts to await a
-- staff answer a new period begins (period + 1); its warning and breach are claimed once each by
-- setting warned_at / breached_at where they are null, so two pods never both fire them.
create table chat_response_clock (
    conversation_id     uuid        primary key references chat_conversation (id) on delete cascade,
    garage_id           uuid        not null references garage (id),
    priority            text        not null default 'NORMAL' check (priority in ('NORMAL', 'HIGH', 'URGENT')),
    -- why the priority is what it is, and who set it (null: never changed)
    priority_reason     text        check (length(priority_reason) between 1 and 2000),
    priority_set_by     uuid,
    -- null: the job's advisor if it has one, else every advisor of the garage
    assigned_advisor_id uuid        references staff (id) on delete set null,
    answered_once       boolean     not null default false,
    period              bigint      not null default 0,
    awaiting            text        check (awaiting in ('FIRST', 'NEXT')),
    awaiting_since      timestamptz,
    warn_at             timestamptz,
    due_at              timestamptz,
    warned_at           timestamptz,
    breached_at         timestamptz,
    version             bigint      not null default 0,
    check ((awaiting is null) = (awaiting_since is null))
);

create index chat_response_clock_watch on chat_response_clock (garage_id, due_at) where awaiting is not null;

create table chat_response (
    id              uuid primary key,
    garage_id       uuid        not null references garage (id),
    conversation_id uuid        not null references chat_conversation (id) on delete cascade,
    kind            text        not null check (kind in ('FIRST', 'NEXT')),
    priority        text        not null check (priority in ('NORMAL', 'HIGH', 'URGENT')),
    asked_at        timestamptz not null,
    answered_at     timestamptz not null,
    answered_by     uuid        not null,
    -- business time between asked_at and answered_at, and the target it was measured against
    response_seconds bigint     not null check (response_seconds >= 0),
    target_seconds  bigint      not null check (target_seconds > 0),
    breached        boolean     not null
);

create index chat_response_garage on chat_response (garage_id, answered_at);

alter table chat_event drop constraint chat_event_type_check,
    add constraint chat_event_type_check check (type in ('chat.message', 'chat.message-edited',
        'chat.message-deleted', 'chat.read', 'chat.priority-changed', 'chat.assigned', 'chat.response-warning',
        'chat.response-breached'));
