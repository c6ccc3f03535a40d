package com.garage.mobile.domain.chat.escalation;

/** How soon a conversation's customer must hear back; each has its own response targets. */
public enum ChatPriority {
    NORMAL, HIGH, URGENT;

    public boolean above(ChatPriority other) {
        return compareTo(other) > 0;
    }
}
