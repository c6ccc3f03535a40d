-- Release management for both apps (docs/releases.md): the release registry, rings, staged
-- rollouts, the minimum supported version, kill switches, crash and session ingest, admin alerts.
-- Releases, rollouts, minimum versions and kill switches are global (one app in each store for
-- every garage); their garage_id is the garage of the admin who registered them, whose audit chain
-- holds the change.

create table app_release (
    id                  uuid primary key,
    garage_id           uuid        not null references garage (id),
    app                 text        not null check (app in ('STAFF', 'CUSTOMER')),
    platform            text        not null check (platform in ('IOS', 'ANDROID', 'WEB')),
    version             text        not null check (length(version) between 1 and 60),
    build               text        not null check (length(build) between 1 and 40),
    store_status        text        not null check (store_status in ('DRAFT', 'IN_REVIEW', 'AVAILABLE', 'WITHDRAWN')),
    notes               text        not null check (length(notes) <= 4000),
    minimum_os          text        check (length(minimum_os) <= 20),
    budget_crash_free_bp integer    not null check (budget_crash_free_bp between 0 and 10000),
    budget_min_sessions integer     not null check (budget_min_sessions >= 1),
    created_by          text        not null,
    created_at          timestamptz not null,
    version_no          bigint      not null default 0,
    unique (app, platform, version)
);

-- One staged rollout of a release to one ring. A scheduled rollout's percentage follows the time it
-- has run (elapsed_ms plus now - running_since); a halt stops that clock, so the percentage, and with
-- deterministic bucketing the set of people in, stays where it was until a person resumes it.
create table release_rollout (
    release_id          uuid        not null references app_release (id),
    ring                text        not null check (ring in ('INTERNAL', 'BETA', 'PRODUCTION')),
    garage_id           uuid        not null references garage (id),
    mode                text        not null check (mode in ('SCHEDULED', 'MANUAL')),
    manual_percent_bp   integer     check (manual_percent_bp between 0 and 10000),
    elapsed_ms          bigint      not null default 0,
    running_since       timestamptz,
    halted_at           timestamptz,
    halt_reason         text,
    halted_by           text,
    started_at          timestamptz not null,
    version_no          bigint      not null default 0,
    primary key (release_id, ring)
);

-- Who is in the internal or the beta ring of an app; everyone else is in production.
create table release_ring_member (
    person_id           uuid        not null,
    app                 text        not null check (app in ('STAFF', 'CUSTOMER')),
    garage_id           uuid        not null references garage (id),
    ring                text        not null check (ring in ('INTERNAL', 'BETA')),
    source              text        not null check (source in ('ADMIN', 'SELF')),
    joined_at           timestamptz not null,
    primary key (person_id, app)
);

-- The minimum supported version of an app on a platform: previous_minimum holds until required_from,
-- minimum_version from then on. Without a row the posture config's minimum-app-version holds.
create table app_minimum_version (
    app                 text        not null check (app in ('STAFF', 'CUSTOMER')),
    platform            text        not null check (platform in ('IOS', 'ANDROID', 'WEB')),
    garage_id           uuid        not null references garage (id),
    minimum_version     text        not null check (length(minimum_version) between 1 and 60),
    previous_minimum    text        check (length(previous_minimum) <= 60),
    required_from       timestamptz not null,
    message             text        not null check (length(message) <= 500),
    updated_by          text        not null,
    updated_at          timestamptz not null,
    version_no          bigint      not null default 0,
    primary key (app, platform)
);

-- A feature turned off for the builds, ring and garage it names (null: any).
create table kill_switch (
    id                  uuid primary key,
    garage_id           uuid        not null references garage (id),
    feature             text        not null check (feature ~ '^[a-z][a-z0-9-]{0,39}$'),
    app                 text        not null check (app in ('STAFF', 'CUSTOMER')),
    platform            text        check (platform in ('IOS', 'ANDROID', 'WEB')),
    from_version        text        check (length(from_version) <= 60),
    to_version          text        check (length(to_version) <= 60),
    ring                text        check (ring in ('INTERNAL', 'BETA', 'PRODUCTION')),
    target_garage_id    uuid        references garage (id),
    message             text        not null check (length(message) <= 500),
    created_by          text        not null,
    created_at          timestamptz not null,
    removed_at          timestamptz
);
create index kill_switch_active on kill_switch (app) where removed_at is null;

-- App sessions as the apps report them: crash-free sessions and users per release and ring.
create table app_session (
    id                  uuid primary key,
    garage_id           uuid        not null references garage (id),
    person_id           uuid        not null,
    app                 text        not null,
    platform            text        not null,
    app_version         text        not null,
    ring                text        not null,
    started_at          timestamptz not null,
    ended_at            timestamptz,
    crashed             boolean     not null default false
);
create index app_session_release on app_session (app, platform, app_version, ring);

-- Crash issues: crash reports grouped by the fingerprint of their normalised stack.
create table crash_issue (
    id                  uuid primary key,
    app                 text        not null,
    platform            text        not null,
    fingerprint         text        not null,
    exception_type      text        not null,
    top_frame           text        not null,
    status              text        not null check (status in ('OPEN', 'FIXED')),
    first_seen_at       timestamptz not null,
    last_seen_at        timestamptz not null,
    first_version       text        not null,
    fixed_at            timestamptz,
    fixed_by            text,
    spike_alerted_at    timestamptz,
    unique (app, platform, fingerprint)
);

create table crash_event (
    id                  uuid primary key,
    garage_id           uuid        not null references garage (id),
    issue_id            uuid        not null references crash_issue (id),
    person_id           uuid        not null,
    session_id          uuid,
    app                 text        not null,
    platform            text        not null,
    app_version         text        not null,
    build               text        not null,
    ring                text        not null,
    device_model        text        not null,
    os_version          text        not null,
    exception_type      text        not null,
    stack               text        not null,
    breadcrumbs         jsonb       not null,
    occurred_at         timestamptz not null,
    received_at         timestamptz not null
);
create index crash_event_issue on crash_event (issue_id, received_at);
create index crash_event_release on crash_event (app, platform, app_version);

-- What admins are told: new crash issues, regressions, spikes, automatic halts.
create table release_alert (
    id                  uuid primary key,
    kind                text        not null check (kind in ('NEW_ISSUE', 'REGRESSION', 'SPIKE', 'ROLLOUT_HALTED')),
    release_id          uuid        references app_release (id),
    issue_id            uuid        references crash_issue (id),
    ring                text,
    summary             text        not null,
    figures             jsonb       not null,
    raised_at           timestamptz not null
);
create index release_alert_newest on release_alert (raised_at desc, id desc);
