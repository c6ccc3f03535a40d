-- A completed upload whose background check failed every attempt (the store unreachable): its
-- bytes are in the store, unchecked, and never shown; replaying the dead letter checks it again.
alter table media drop constraint media_status_check;
alter table media add constraint media_status_check
    check (status in ('UPLOADING', 'STORED', 'REJECTED', 'CHECK_FAILED'));
