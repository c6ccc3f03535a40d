package com.garage.mobile.domain.partner;

import java.time.Instant;
import java.util.List;

/**
 * A partner a garage offers, as the customer sees it before consenting: its terms and the data it
 * would receive, and the customer's decision in force (null when they never decided).
 */
public record GaragePartner(String partner, PartnerKind kind, String displayName, String terms,
        List<String> dataShared, Boolean consented, Instant consentRecordedAt) {

    public boolean consentGiven() {
        return Boolean.TRUE.equals(consented);
    }
}
