-- Staff-only alarms for a garage's admins (NotificationCategory.OPERATIONS): an experiment's sample ratio mismatch.
insert into notification_category (name) values ('OPERATIONS') on conflict do nothing;
