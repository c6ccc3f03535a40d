-- Notification categories as rows rather than a check constraint, so that a feature adds its own
-- category with one insert in its own migration (two features rewriting the same check constraint
-- would each drop the other's value).
create table notification_category (
    name        text primary key check (name ~ '^[A-Z][A-Z_]{1,39}$')
);

insert into notification_category (name)
values ('JOB_STATUS'), ('APPROVALS'), ('CHAT'), ('PAYMENTS'), ('APPOINTMENT_REMINDERS'), ('MARKETING');

alter table notification_consent
    drop constraint notification_consent_category_check,
    add constraint notification_consent_category_fk
        foreign key (category) references notification_category (name);
