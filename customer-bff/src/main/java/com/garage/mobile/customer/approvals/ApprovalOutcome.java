package com.garage.mobile.customer.approvals;

import com.garage.mobile.api.estimates.ApprovalView;
import com.garage.mobile.domain.estimate.CustomerEstimate;

/** The record just made, and the estimate as it now stands. */
public record ApprovalOutcome(ApprovalView approval, CustomerEstimate estimate) {
}
