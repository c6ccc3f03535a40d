package com.garage.mobile.domain.audit;

/** Told of every entry the audit trail writes; the platform uses it so a refused request is audited once. */
public interface AuditListener {

    void recorded(AuditOutcome outcome);
}
