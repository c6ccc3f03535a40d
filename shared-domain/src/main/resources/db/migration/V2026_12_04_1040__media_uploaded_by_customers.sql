-- Customers attach photos, videos and audio notes to their chat messages, so a media row names its
-- uploader as a staff member or as a customer, exactly one of them. The upload's state names the
-- same person; the media row holds the reference.
alter table media
    alter column uploaded_by drop not null,
    add column uploaded_by_customer uuid references customer (id),
    add constraint media_one_uploader check (num_nonnulls(uploaded_by, uploaded_by_customer) = 1);

alter table media_upload drop constraint media_upload_created_by_fkey;
