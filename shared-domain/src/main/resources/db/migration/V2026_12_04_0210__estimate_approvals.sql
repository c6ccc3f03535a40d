-- Estimate revisions and the customer's immutable approval records.
--
-- A priced line is published: the customer sees it. Any change to what the customer sees (a priced
-- line added, removed, repriced or reworded) makes a new revision of the job's estimate, once per
-- transaction, whoever wrote it (the advisor pricing, a technician taking a part, an inspection).

create table estimate_revision (
    job_id         uuid primary key,
    garage_id      uuid        not null,
    revision       integer     not null check (revision > 0),
    changed_at     timestamptz not null,
    changed_in_tx  bigint      not null,
    foreign key (garage_id, job_id) references job_card (garage_id, id) on delete cascade
);

create function estimate_line_shown(l estimate_line) returns jsonb language sql immutable as $$
    select case when l.awaiting_price then null else jsonb_build_array(l.kind, l.description, l.necessity,
        l.quantity, l.unit_price_minor, l.tax_rate_bp, l.inspection_item_id, l.position) end
$$;

create function estimate_revise() returns trigger language plpgsql as $$
declare
    line estimate_line := case when tg_op = 'DELETE' then old else new end;
    before_shown jsonb := case when tg_op = 'INSERT' then null else estimate_line_shown(old) end;
    after_shown jsonb := case when tg_op = 'DELETE' then null else estimate_line_shown(new) end;
begin
    if before_shown is not distinct from after_shown
            or not exists (select 1 from job_card where id = line.job_id) then
        return null;
    end if;
    insert into estimate_revision (job_id, garage_id, revision, changed_at, changed_in_tx)
        values (line.job_id, line.garage_id, 1, now(), txid_current())
        on conflict (job_id) do update set revision = estimate_revision.revision + 1, changed_at = now(),
            changed_in_tx = txid_current()
        where estimate_revision.changed_in_tx <> txid_current();
    return null;
end;
$$;

create trigger estimate_line_revise after insert or update or delete on estimate_line
    for each row execute function estimate_revise();

insert into estimate_revision (job_id, garage_id, revision, changed_at, changed_in_tx)
    select distinct job_id, garage_id, 1, now(), 0 from estimate_line where not awaiting_price;

-- A line whose price changes after the customer decided it needs their decision again.
create function estimate_line_price_redecided() returns trigger language plpgsql as $$
begin
    if old.approval_status <> 'PENDING' and (old.quantity, old.unit_price_minor, old.tax_rate_bp)
            is distinct from (new.quantity, new.unit_price_minor, new.tax_rate_bp) then
        new.approval_status := 'PENDING';
        new.decided_at := null;
        new.decision_note := null;
    end if;
    return new;
end;
$$;

create trigger estimate_line_price_redecided before update on estimate_line
    for each row execute function estimate_line_price_redecided();

-- One signed decision of a customer on lines of one revision, exactly as shown. Never changed.
create table estimate_approval (
    id                 uuid primary key,
    garage_id          uuid        not null,
    job_id             uuid        not null,
    customer_id        uuid        not null,
    revision           integer     not null check (revision > 0),
    content_hash       char(64)    not null check (content_hash ~ '^[0-9a-f]{64}$'),
    shown_content      text        not null,
    decisions          text        not null,
    signer_name        text        not null check (length(signer_name) between 1 and 200),
    signature_kind     text        not null check (signature_kind in ('TYPED', 'DRAWN')),
    signature_strokes  text,
    consent_text       text        not null check (length(consent_text) between 1 and 4000),
    consent_version    text        not null check (length(consent_version) between 1 and 40),
    acr                text,
    amr                text,
    auth_time          timestamptz,
    subject            text        not null,
    device_id          text,
    client_ip          text,
    request_id         text,
    decided_at         timestamptz not null,
    check ((signature_kind = 'DRAWN') = (signature_strokes is not null)),
    unique (garage_id, id),
    foreign key (garage_id, job_id) references job_card (garage_id, id),
    foreign key (garage_id, customer_id) references customer (garage_id, id)
);
create index estimate_approval_job_idx on estimate_approval (job_id, decided_at);

create trigger estimate_approval_append_only before update or delete on estimate_approval
    for each row execute function refuse_change();
