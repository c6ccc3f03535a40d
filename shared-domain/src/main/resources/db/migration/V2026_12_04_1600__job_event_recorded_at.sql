-- When the database stored each job event, on the database's one clock: readers that wait for a
-- job event to settle (the analytics facts feed) measure by it, not by the pod clock that stamped
-- occurred_at, so a pod whose clock runs ahead or jumps cannot hold a reader up.
alter table job_event add column recorded_at timestamptz not null default now();
