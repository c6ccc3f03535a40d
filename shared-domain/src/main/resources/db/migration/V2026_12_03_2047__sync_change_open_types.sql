-- Syncable types are contributed by their features (platform.sync.SyncableType), each with its own
-- triggers calling sync_log(...): the change log no longer lists them. It checks only the form of a
-- type's name, the same form SyncTypes requires.
alter table sync_change drop constraint sync_change_entity_type_check;
alter table sync_change add constraint sync_change_entity_type_form
    check (entity_type ~ '^[a-z][a-z0-9-]{0,39}$');
