package com.garage.mobile.customer.approvals;

import com.garage.mobile.api.estimates.ApprovalView;
import com.garage.mobile.domain.estimate.CustomerEstimate;
import com.garage.mobile.platform.web.VersionedView;

/**
 * The record just made, and the estimate as it now stands. An offline decision refused because the
 * estimate was revised answers the estimate alone ({@code approval} null); its version is the revision.
 */
public record ApprovalOutcome(ApprovalView approval, CustomerEstimate estimate) implements VersionedView {

    static ApprovalOutcome revised(CustomerEstimate current) {
        return new ApprovalOutcome(null, current);
    }

    @Override
    public long version() {
        return estimate.revision();
    }
}
