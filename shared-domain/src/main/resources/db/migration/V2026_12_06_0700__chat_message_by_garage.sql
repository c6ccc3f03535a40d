-- A sync reads the messages of one garage sent within its window (ChatMessageSync's scope, its aged-out
-- read and the scope's checksum): without this every technician's sync scanned every garage's messages.
create index chat_message_garage_sent on chat_message (garage_id, sent_at);
