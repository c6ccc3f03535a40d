-- Feedback from any screen of either app to the garage's product-discovery inbox (docs/analytics.md,
-- "Feedback"). The id is the app's, so a resend stores it once. Free text stays here, never in the
-- analytics events; admins move it new → triaged → planned → done, with a note the reporter reads.
create table feedback (
    id                uuid primary key,
    garage_id         uuid        not null references garage (id),
    person_id         uuid        not null,
    person_role       text        not null,
    category          text        not null check (category in ('BUG', 'IDEA', 'PRAISE', 'OTHER')),
    body              text        not null check (char_length(body) between 1 and 4000),
    screen            text        check (char_length(screen) between 1 and 200),
    app_platform      text        check (app_platform in ('ios', 'android', 'web')),
    app_version       text        check (char_length(app_version) between 1 and 50),
    status            text        not null default 'NEW' check (status in ('NEW', 'TRIAGED', 'PLANNED', 'DONE')),
    note              text        check (char_length(note) between 1 and 2000),
    version           integer     not null default 1,
    created_at        timestamptz not null,
    status_changed_at timestamptz
);
create index feedback_inbox on feedback (garage_id, status, created_at desc);
create index feedback_reporter on feedback (garage_id, person_id, created_at desc);
create index feedback_words on feedback using gin (to_tsvector('simple', body));
