package com.garage.mobile.domain.notification.consent;

import com.garage.mobile.domain.access.Actor;

/**
 * Where a consent was given or withdrawn: the app, its screen, and the privacy policy version the
 * person was shown.
 */
public record ConsentSource(String app, String screen, String policyVersion) {

    public static ConsentSource of(Actor actor, String screen, String policyVersion) {
        return new ConsentSource(actor.role().isStaff() ? "technician-app" : "customer-app", screen, policyVersion);
    }
}
