-- Session health per garage and week (SessionHealthReports) reads a garage's sessions by start time.
create index app_session_garage_started on app_session (garage_id, started_at);
