package com.garage.mobile.domain.job;

/** The customer's answer to one estimate line. */
public enum LineDecision {
    APPROVED(ApprovalStatus.APPROVED),
    DECLINED(ApprovalStatus.DECLINED);

    private final ApprovalStatus status;

    LineDecision(ApprovalStatus status) {
        this.status = status;
    }

    public ApprovalStatus status() {
        return status;
    }
}
