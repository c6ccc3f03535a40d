-- Parts: the garage's catalogue with its stock, parts taken from it onto a job (as PART estimate
-- lines that remember their part, so a return puts the stock back), and requests for parts the
-- shelf does not hold.
create extension if not exists pg_trgm;

create table part (
    id             uuid primary key,
    garage_id      uuid          not null references garage (id),
    part_number    text          not null check (length(part_number) between 1 and 60),
    description    text          not null check (length(description) between 1 and 500),
    ean            text          check (ean ~ '^([0-9]{8}|[0-9]{13})$'),
    price_minor    bigint        not null check (price_minor >= 0),
    cost_minor     bigint        not null check (cost_minor >= 0),
    tax_rate_bp    integer       not null default 2000 check (tax_rate_bp between 0 and 10000),
    stock_on_hand  numeric(10,2) not null check (stock_on_hand >= 0),
    bin            text          check (length(bin) between 1 and 40),
    version        bigint        not null default 0,
    created_at     timestamptz   not null default now(),
    updated_at     timestamptz   not null default now(),
    unique (garage_id, part_number),
    unique (garage_id, ean),
    unique (garage_id, id)
);
-- Text search: a trigram index serves ILIKE '%…%' over number, description and barcode.
create index part_search_idx on part
    using gin ((part_number || ' ' || description || ' ' || coalesce(ean, '')) gin_trgm_ops);
create index part_number_idx on part (garage_id, upper(part_number));

alter table estimate_line add column part_id uuid;
alter table estimate_line add constraint estimate_line_part_fk
    foreign key (garage_id, part_id) references part (garage_id, id);
alter table estimate_line add constraint estimate_line_part_kind check (part_id is null or kind = 'PART');

create table part_request (
    id            uuid primary key,
    garage_id     uuid          not null,
    job_id        uuid          not null,
    part_id       uuid,
    description   text          not null check (length(description) between 1 and 500),
    quantity      numeric(10,2) not null check (quantity > 0),
    note          text          check (length(note) between 1 and 2000),
    status        text          not null check (status in ('REQUESTED', 'ORDERED', 'RECEIVED', 'CANCELLED')),
    requested_by  uuid          not null,
    version       bigint        not null default 0,
    created_at    timestamptz   not null default now(),
    updated_at    timestamptz   not null default now(),
    foreign key (garage_id, job_id) references job_card (garage_id, id) on delete cascade,
    foreign key (garage_id, part_id) references part (garage_id, id),
    foreign key (garage_id, requested_by) references staff (garage_id, id)
);
create index part_request_job_idx on part_request (job_id, created_at);

create function sync_part_changed() returns trigger language plpgsql as $$
declare
    row_now record;
begin
    if tg_op = 'DELETE' then row_now := old; else row_now := new; end if;
    perform sync_log(row_now.garage_id, 'part', row_now.id, '{}');
    return null;
end;
$$;

create trigger sync_part after insert or update or delete on part
    for each row execute function sync_part_changed();

create function sync_part_request_changed() returns trigger language plpgsql as $$
declare
    row_now record;
begin
    if tg_op = 'DELETE' then row_now := old; else row_now := new; end if;
    perform sync_log(row_now.garage_id, 'part-request', row_now.id, sync_job_audience(row_now.job_id));
    return null;
end;
$$;

create trigger sync_part_request after insert or update or delete on part_request
    for each row execute function sync_part_request_changed();
