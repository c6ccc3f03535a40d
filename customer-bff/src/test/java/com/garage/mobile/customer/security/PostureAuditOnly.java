package com.garage.mobile.customer.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Device posture as the customer app rolls it out: checked and audited, not enforced; keys inline. */
public class PostureAuditOnly implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("garage.posture.mode", "AUDIT_ONLY");
    }
}
