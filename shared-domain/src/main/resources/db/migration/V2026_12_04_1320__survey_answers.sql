-- In-app surveys (docs/analytics.md#surveys): NPS and CSAT answers with their comment, kept apart from
-- the analytics events (the comment is free text a person wrote), searchable by the garage's admins.
create table survey_answer (
    id          uuid primary key,
    garage_id   uuid not null references garage (id),
    person_id   uuid not null,
    person_role text not null,
    kind        text not null check (kind in ('NPS', 'CSAT')),
    score       integer not null,
    comment     text check (char_length(comment) <= 2000),
    job_id      uuid references job_card (id),
    answered_at timestamptz not null,
    check ((kind = 'NPS' and score between 0 and 10) or (kind = 'CSAT' and score between 1 and 5))
);
create index survey_answer_person on survey_answer (garage_id, person_id, answered_at desc);
create index survey_answer_comment on survey_answer using gin (to_tsvector('simple', coalesce(comment, '')));
