package com.garage.mobile.customer.sync.mutations;

/** {@code appointment cancel}: nothing to say beyond the appointment and its version. */
public record CancelPayload() {
}
