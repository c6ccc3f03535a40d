package com.garage.mobile.domain.job;

/** The customer's answer to an estimate line. */
public enum ApprovalStatus {
    PENDING,
    APPROVED,
    DECLINED
}
