package com.garage.mobile.domain.payment;

/** How the customer pays: in the app with the provider's SDK, or through a link to the provider's hosted page. */
public enum PaymentChannel {
    APP,
    LINK
}
