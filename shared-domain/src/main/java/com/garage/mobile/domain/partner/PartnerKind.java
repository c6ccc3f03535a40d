package com.garage.mobile.domain.partner;

/** What a partner does for the garage's customers. */
public enum PartnerKind {
    /** Tows, jump starts, flat tyres, lockouts, fuel. */
    ROADSIDE,
    /** Vehicle data: VIN decoding, recalls, manufacturer programmes. */
    RECALLS
}
