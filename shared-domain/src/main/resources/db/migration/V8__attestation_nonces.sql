-- Attestation nonces live in PostgreSQL, not Redis: a Redis outage must not stop the technician
-- app's changes, which all need a fresh attestation. One row per unused, unexpired nonce.
create table attestation_nonce (
    nonce      text        primary key check (length(nonce) between 32 and 64),
    garage_id  uuid        not null references garage (id),
    subject    text        not null,
    expires_at timestamptz not null
);

create index attestation_nonce_expiry_idx on attestation_nonce (expires_at);
