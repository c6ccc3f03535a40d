package com.garage.mobile.technician.security;

import com.garage.mobile.testing.AttestationKeysStub;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** Device posture as production runs it: enforced, with keys read from the integrity service's key set URL. */
public class PostureEnforced implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("garage.posture.mode", "ENFORCE",
                "garage.posture.keys.jwks", "",
                "garage.posture.keys.min-refresh-pause", "0s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(AttestationKeysStub.class));
    }
}
