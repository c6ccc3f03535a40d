-- Screenshots sent with feedback (FeedbackScreenshots, target 'feedback') belong to no job either.
alter table media
    drop constraint media_job_unless_chat,
    add constraint media_job_unless_outside_jobs
        check (job_id is not null or target_type in ('chat-conversation', 'chat-message', 'feedback'));
