package com.garage.mobile.technician.releases;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.UUID;

/** A shared deployment: one garage, the app operator's own, runs releases for every garage. */
public class OperatorGarage implements QuarkusTestProfile {

    static final UUID ID = UUID.fromString("0e7a0000-0000-4000-8000-00000000f001");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("garage.releases.operator-garage", ID.toString());
    }
}
