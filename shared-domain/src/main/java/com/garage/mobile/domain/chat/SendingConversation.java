package com.garage.mobile.domain.chat;

/**
 * A conversation locked for a send, with what the send decides on, all read in one statement:
 * whether the sender is a technician on its job or added to it, whether the message's id is
 * taken already, and whether the conversation awaits a staff answer.
 */
record SendingConversation(Conversation conversation, boolean onJob, boolean added, boolean idTaken,
        boolean awaitingAnswer) {
}
