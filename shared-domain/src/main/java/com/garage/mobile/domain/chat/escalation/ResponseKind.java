package com.garage.mobile.domain.chat.escalation;

/** The first staff answer in a conversation, or an answer to a customer who wrote again after one. */
public enum ResponseKind {
    FIRST, NEXT
}
