package com.garage.mobile.domain.access;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The roles a token can carry, each with the capabilities it grants. */
public enum ActorRole {
    CUSTOMER("customer", Set.of(Capability.APP_USE, Capability.SYNC_READ,
            Capability.PROFILE_READ, Capability.OWN_VEHICLES_READ, Capability.OWN_APPOINTMENTS_READ,
            Capability.OWN_JOBS_READ, Capability.ESTIMATE_DECIDE, Capability.OFFLINE_OWN_WRITES,
            Capability.OWN_DEVICES_MANAGE, Capability.OWN_NOTIFICATION_PREFERENCES,
            Capability.CHAT_READ, Capability.CHAT_SEND, Capability.OWN_PAYMENTS,
            Capability.TELEMETRY_REPORT, Capability.OWN_RECOMMENDATIONS_ACT,
            Capability.MEDIA_UPLOAD,
            Capability.OWN_PARTNER_SERVICES)),
    TECHNICIAN("technician", Set.of(Capability.APP_USE, Capability.SYNC_READ,
            Capability.JOB_BOARD_READ, Capability.GARAGE_JOBS_READ, Capability.JOB_STATUS_CHANGE,
            Capability.OFFLINE_JOB_WRITES, Capability.INSPECTION_WRITE,
            Capability.OWN_DEVICES_MANAGE, Capability.OWN_NOTIFICATION_PREFERENCES,
            Capability.CHAT_READ, Capability.CHAT_SEND, Capability.TELEMETRY_REPORT,
            Capability.MEDIA_UPLOAD)),
    ADVISOR("advisor", Set.of(Capability.APP_USE, Capability.SYNC_READ,
            Capability.JOB_BOARD_READ, Capability.GARAGE_JOBS_READ, Capability.JOB_STATUS_CHANGE,
            Capability.OFFLINE_JOB_WRITES, Capability.INSPECTION_WRITE, Capability.INSPECTION_PUBLISH,
            Capability.INSPECTION_TEMPLATES_MANAGE, Capability.ESTIMATE_PRICE,
            Capability.GARAGE_BOARD_READ,
            Capability.OWN_DEVICES_MANAGE, Capability.OWN_NOTIFICATION_PREFERENCES,
            Capability.JOB_ASSIGN, Capability.CHAT_READ, Capability.CHAT_SEND, Capability.CHAT_MANAGE,
            Capability.GARAGE_PAYMENTS, Capability.TELEMETRY_REPORT, Capability.RECOMMENDATIONS_MANAGE,
            Capability.MEDIA_UPLOAD)),
    ADMIN("admin", Set.of(Capability.APP_USE, Capability.SYNC_READ,
            Capability.JOB_BOARD_READ, Capability.GARAGE_JOBS_READ, Capability.JOB_STATUS_CHANGE,
            Capability.OFFLINE_JOB_WRITES, Capability.INSPECTION_WRITE, Capability.INSPECTION_PUBLISH,
            Capability.INSPECTION_TEMPLATES_MANAGE, Capability.ESTIMATE_PRICE,
            Capability.GARAGE_BOARD_READ,
            Capability.OWN_DEVICES_MANAGE, Capability.OWN_NOTIFICATION_PREFERENCES,
            Capability.NOTIFICATION_DEAD_LETTERS, Capability.OUTBOUND_DEAD_LETTERS, Capability.JOB_ASSIGN,
            Capability.AUDIT_READ, Capability.CHAT_READ, Capability.CHAT_SEND, Capability.CHAT_MANAGE,
            Capability.GARAGE_PAYMENTS, Capability.TELEMETRY_REPORT, Capability.RECOMMENDATIONS_MANAGE,
            Capability.MEDIA_UPLOAD,
            Capability.RELEASES_MANAGE, Capability.ANALYTICS_MANAGE)),
    /**
     * The garage's own system: a scheduled job or a partner's webhook acting on the garage's behalf.
     * No token grants it and it holds no capability, so no request can act as the system.
     */
    SYSTEM("system", Set.of());

    /** Strongest first: a staff token holding several roles acts with the first it holds. */
    public static final ActorRole[] STAFF_BY_PRECEDENCE = {ADMIN, ADVISOR, TECHNICIAN};

    /** The roles a token may carry; {@link #SYSTEM} is never one of them. */
    public static final ActorRole[] GRANTED_BY_TOKENS = {CUSTOMER, TECHNICIAN, ADVISOR, ADMIN};

    private final String claimValue;
    private final Set<String> capabilities;

    ActorRole(String claimValue, Set<String> capabilities) {
        this.claimValue = claimValue;
        this.capabilities = capabilities;
    }

    public String claimValue() {
        return claimValue;
    }

    public Set<String> capabilities() {
        return capabilities;
    }

    public boolean isStaff() {
        return this == TECHNICIAN || this == ADVISOR || this == ADMIN;
    }

    /** The role a token's claim names; never {@link #SYSTEM}. */
    public static Optional<ActorRole> fromClaim(String value) {
        return Arrays.stream(GRANTED_BY_TOKENS).filter(r -> r.claimValue.equals(value)).findFirst();
    }
}
