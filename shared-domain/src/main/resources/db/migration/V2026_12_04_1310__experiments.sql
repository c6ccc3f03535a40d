-- Experiments and feature flags (docs/experiments.md): variants, targeting, ramp, exposures once per unit.

create table experiment (
    id              uuid primary key,
    garage_id       uuid not null references garage (id),
    key             text not null check (key ~ '^[a-z][a-z0-9-]{1,63}$'),
    kind            text not null check (kind in ('EXPERIMENT', 'FLAG')),
    unit            text not null check (unit in ('USER', 'DEVICE', 'GARAGE')),
    hash_version    integer not null default 1,
    salt            text not null,
    -- [{"name": "control", "weight": 50}, {"name": "one-tap", "weight": 50}]
    variants        jsonb not null,
    -- {"garages": [], "apps": ["customer"], "platforms": ["ios"], "minVersion": "2.3", "maxVersion": null, "rings": []}
    targeting       jsonb not null default '{}',
    exposure_percent integer not null check (exposure_percent between 0 and 100),
    status          text not null check (status in ('RUNNING', 'STOPPED')),
    shipped_variant text,
    goal_event      text,
    srm_p_value     double precision,
    srm_flagged_at  timestamptz,
    version         bigint not null default 0,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    unique (garage_id, key)
);
create index experiment_running on experiment (garage_id) where status = 'RUNNING' or shipped_variant is not null;

create table experiment_exposure (
    experiment_id uuid not null references experiment (id) on delete cascade,
    unit_key      text not null,
    variant       text not null,
    -- the pseudonymous analytics key of the person exposed, to find their goal events
    user_key      text,
    garage_id     uuid not null,
    exposed_at    timestamptz not null,
    primary key (experiment_id, unit_key)
);
