package com.garage.mobile.domain.chat;

/** The two sides of a job's conversation; a general conversation has only the customer's. */
public enum ChatChannel {
    /** The customer, the advisors, and the technicians an advisor added. */
    CUSTOMER,
    /** Staff only: never shown to the customer, in any answer, count or event. */
    WORKSHOP
}
