package com.garage.mobile.domain.payment;

/** What a payment is for: the deposit asked on approval, or (part of) what is still owed. */
public enum PaymentPurpose {
    DEPOSIT,
    BALANCE
}
