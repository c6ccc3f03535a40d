package com.garage.mobile.domain.chat;

/** The common questions and answers an app offers as one tap; the message keeps the text shown here. */
public enum QuickReply {
    WHEN_READY(true, "When will it be ready?"),
    CALL_ME(true, "Please call me."),
    COST_SO_FAR(true, "How much will it cost so far?"),
    PICK_UP_NOW(true, "Can I pick it up now?"),
    READY_FOR_PICKUP(false, "Your car is ready for pickup."),
    LOOKING_INTO_IT(false, "We are looking into it and will get back to you shortly."),
    CALLING_YOU(false, "We will call you in a few minutes.");

    private final boolean forCustomers;
    private final String text;

    QuickReply(boolean forCustomers, String text) {
        this.forCustomers = forCustomers;
        this.text = text;
    }

    /** Offered to customers (true) or to staff (false). */
    public boolean forCustomers() {
        return forCustomers;
    }

    public String text() {
        return text;
    }
}
