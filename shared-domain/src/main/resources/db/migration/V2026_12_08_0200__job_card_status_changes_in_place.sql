-- A job's status change rewrote every index of job_card: the status was indexed, (garage_id, status), and PostgreSQL
-- updates a row in place (heap-only, HOT) only when no indexed column changes. What read through that index asks
-- for a garage's unfinished jobs and those finished since a time (the board, the technician app's copy), or its jobs
-- closed since a time (the recommendation model's training): closed_at says that too, since the table's check sets
-- it exactly when the job is CLOSED or CANCELLED. Indexed by (garage_id, closed_at), those reads skip the garage's
-- years of closed jobs, and a change between unfinished states leaves the indexes alone. A tenth of each page is kept
-- free for the changed rows to stay on their page (rows written from now on).
create index job_card_garage_closed_idx on job_card (garage_id, closed_at);
drop index job_card_garage_status_idx;
alter table job_card set (fillfactor = 90);
