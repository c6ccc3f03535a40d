package com.garage.mobile.customer.partners;

import com.garage.mobile.domain.partner.GaragePartner;
import java.time.Instant;
import java.util.List;

/** A partner the garage offers: what it does, its terms, the data it would receive, and my decision. */
public record PartnerView(String partner, String kind, String displayName, String terms, List<String> dataShared,
        Boolean consented, Instant consentRecordedAt) {

    static PartnerView of(GaragePartner partner) {
        return new PartnerView(partner.partner(), partner.kind().name(), partner.displayName(), partner.terms(),
                partner.dataShared(), partner.consented(), partner.consentRecordedAt());
    }
}
