package com.garage.mobile.domain.chat;

/**
 * The technicians' part of {@link ChatVisibility} in SQL, over a conversation seen as {@code c} and
 * the technician as {@code $2}: added to the conversation, they read both its channels; on its job,
 * they read its workshop channel.
 */
public final class ChannelReaders {

    /** The technician was added to the conversation. */
    public static final String ADDED = "exists (select 1 from chat_participant p where p.conversation_id = c.id"
            + " and p.staff_id = $2)";
    /** The technician is on the conversation's job. */
    public static final String ASSIGNED = "exists (select 1 from job_assignment a where a.job_id = c.job_id"
            + " and a.technician_id = $2)";

    private ChannelReaders() {
    }
}
