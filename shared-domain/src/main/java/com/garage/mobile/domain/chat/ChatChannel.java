package com.garage.mobile.domain.chat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The two sides of a job's conversation; a general conversation has only the customer's. */
public enum ChatChannel {
    /** The customer, the advisors, and the technicians an advisor added. */
    CUSTOMER,
    /** Staff only: never shown to the customer, in any answer, count or event. */
    WORKSHOP;

    /** How URLs and messages name it: {@code customer}, {@code workshop}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ChatChannel> fromWire(String value) {
        return Arrays.stream(values()).filter(channel -> channel.wireName().equals(value)).findFirst();
    }
}
