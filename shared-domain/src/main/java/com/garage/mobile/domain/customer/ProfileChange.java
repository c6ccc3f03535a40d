package com.garage.mobile.domain.customer;

/** The profile fields a customer changes; a field left null stays as it is. */
public record ProfileChange(String firstName, String lastName, String email, String phone,
        String preferredLanguage) {

    /** Contact details are where the garage reaches the customer: changing them needs a step-up. */
    public boolean changesContactDetails() {
        return email != null || phone != null;
    }
}
