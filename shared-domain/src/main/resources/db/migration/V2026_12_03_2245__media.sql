-- Photos, videos and audio notes taken in the bay, attached to a job, one of its steps or an
-- inspection item (later a chat message). The bytes live in the object store under object_key;
-- this row says what they are, who may see them, and how far their upload has come
-- (docs/media.md).
create table media (
    id             uuid primary key,
    garage_id      uuid        not null references garage (id),
    job_id         uuid        not null references job_card (id),
    -- What the media is attached to: a MediaTarget's type ('job', 'job-step', 'inspection-item') and id.
    target_type    text        not null check (length(target_type) between 1 and 40),
    target_id      uuid        not null,
    kind           text        not null check (kind in ('PHOTO', 'VIDEO', 'AUDIO')),
    status         text        not null check (status in ('UPLOADING', 'STORED', 'REJECTED')),
    content_type   text        check (length(content_type) between 1 and 100),
    declared_size  bigint      not null check (declared_size > 0),
    object_key     text        not null check (length(object_key) between 1 and 500),
    sha256         text        check (sha256 ~ '^[0-9a-f]{64}$'),
    thumbnail_key  text        check (length(thumbnail_key) between 1 and 500),
    uploaded_by    uuid        not null references staff (id),
    version        bigint      not null default 0,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    stored_at      timestamptz,
    deleted_at     timestamptz,
    deleted_by     uuid        references staff (id),
    check ((status = 'STORED') = (stored_at is not null) or deleted_at is not null),
    check ((deleted_at is null) = (deleted_by is null))
);
create index media_target_idx on media (garage_id, target_type, target_id, created_at) where deleted_at is null;
create index media_job_idx on media (job_id, created_at) where deleted_at is null;
