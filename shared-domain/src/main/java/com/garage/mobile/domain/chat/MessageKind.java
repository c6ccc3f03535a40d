package com.garage.mobile.domain.chat;

/** What a message is: typed by a person, one of the quick replies, or said by the garage's system. */
public enum MessageKind {
    TEXT,
    QUICK_REPLY,
    SYSTEM
}
