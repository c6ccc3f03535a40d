-- Security: estimate decisions carry the customer's note, audit entries may be flagged
-- (device posture in audit-only mode), and the audit trail is listed by resource or actor,
-- newest first, in keyset pages.

alter table estimate_line
    add column decision_note text check (decision_note is null or length(decision_note) between 1 and 500);

alter table audit_entry drop constraint audit_entry_outcome_check;
alter table audit_entry add constraint audit_entry_outcome_check
    check (outcome in ('SUCCESS', 'REFUSED', 'CONFLICT', 'FAILED', 'FLAGGED'));

drop index audit_entry_resource_idx;
drop index audit_entry_actor_idx;
create index audit_entry_resource_idx on audit_entry (garage_id, resource_type, resource_id, id);
create index audit_entry_actor_idx on audit_entry (garage_id, actor_subject, id);
