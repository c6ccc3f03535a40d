-- An estimate left unanswered: one reminder per job, revision and step (the configured delays after the
-- revision was made), claimed here so that one pod sends it, once.
create table estimate_reminder (
    job_id       uuid        not null,
    revision     integer     not null check (revision > 0),
    step         integer     not null check (step >= 0),
    garage_id    uuid        not null,
    reminded_at  timestamptz not null,
    primary key (job_id, revision, step),
    foreign key (garage_id, job_id) references job_card (garage_id, id) on delete cascade
);
