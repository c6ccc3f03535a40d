package com.garage.mobile.domain.job;

/** Who may read a note: staff only, or the customer too. */
public enum NoteVisibility {
    INTERNAL,
    CUSTOMER
}
