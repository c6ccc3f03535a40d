-- One order for the live channel: the events of every topic take their ids from this sequence, so
-- an event id orders and resumes across topics (docs/live-updates.md). job_event's own sequence
-- becomes it; a topic's table declares "id bigint primary key default nextval('live_event_id')".
alter sequence job_event_id_seq rename to live_event_id;
alter sequence live_event_id owned by none;
