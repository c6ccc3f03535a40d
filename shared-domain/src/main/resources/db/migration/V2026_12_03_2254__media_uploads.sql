-- Resumable uploads (tus 1.0.0) of media into the object store (docs/media.md). The state of an
-- upload lives here, not in a pod, so any pod continues it: how many bytes are stored, the object
-- store's multipart upload, the parts written and their ETags, and the short tail (below the
-- store's minimum part size) kept as an object of its own until the next chunk completes a part.
alter table media add column filename text check (length(filename) between 1 and 255);

create table media_upload (
    id             uuid primary key references media (id) on delete cascade,
    garage_id      uuid        not null references garage (id),
    created_by     uuid        not null references staff (id),
    upload_length  bigint      not null check (upload_length > 0),
    upload_offset  bigint      not null default 0 check (upload_offset between 0 and upload_length),
    multipart_id   text        not null check (length(multipart_id) between 1 and 1000),
    -- [{"number": 1, "etag": "...", "size": 5242880}, ...]
    parts          jsonb       not null default '[]',
    tail_size      bigint      not null default 0 check (tail_size >= 0),
    -- What the creation asked for (target, kind, length, names): a second creation with the same
    -- client media id must ask for the same.
    fingerprint    text        not null check (length(fingerprint) = 64),
    status         text        not null check (status in ('OPEN', 'COMPLETE')),
    expires_at     timestamptz not null,
    -- One request writes at a time: it holds the lease until it has recorded what it stored.
    lease_token    uuid,
    lease_until    timestamptz,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create index media_upload_expiry_idx on media_upload (expires_at) where status = 'OPEN';

-- Stored media are part of the offline copies (sync): the job's people hear of each change.
create function sync_media_changed() returns trigger language plpgsql as $$
declare
    row_now record;
begin
    if tg_op = 'DELETE' then row_now := old; else row_now := new; end if;
    perform sync_log(row_now.garage_id, 'media', row_now.id, sync_job_audience(row_now.job_id));
    return null;
end;
$$;
create trigger sync_media after insert or update or delete on media
    for each row execute function sync_media_changed();
