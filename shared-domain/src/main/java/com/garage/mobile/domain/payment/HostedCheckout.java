package com.garage.mobile.domain.payment;

/** The provider's hosted payment page for one payment: where to send the customer. */
public record HostedCheckout(String id, String url) {
}
