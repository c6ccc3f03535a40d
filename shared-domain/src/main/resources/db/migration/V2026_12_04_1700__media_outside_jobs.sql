-- A customer's general conversation takes photos, videos and audio notes too, and it belongs to no
-- job: media uploaded for it (target 'chat-conversation') and then sent with one of its messages
-- ('chat-message') have no job. Every other target keeps its job (docs/media.md).
alter table media
    alter column job_id drop not null,
    add constraint media_job_unless_chat
        check (job_id is not null or target_type in ('chat-conversation', 'chat-message'));
